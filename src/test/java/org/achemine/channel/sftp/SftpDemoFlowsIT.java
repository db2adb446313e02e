package org.achemine.channel.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.xml.bind.JAXBContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.xml.transform.stream.StreamSource;
import org.achemine.AchemineApplication;
import org.achemine.batch.RunRequest;
import org.achemine.cli.DemoFlows;
import org.achemine.directory.DirectoryImporter;
import org.achemine.partner.PartnerRegistry;
import org.achemine.report.ReportSchema;
import org.achemine.report.xml.CompteRenduType;
import org.achemine.report.xml.ConstatsType;
import org.achemine.report.xml.FactureType;
import org.achemine.report.xml.ObjectFactory;
import org.achemine.testing.SampleDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * End to end: the demo's sample flows (those {@code demo} deposits: the supplier's invoices and batches, then,
 * once routed, the recipient's and the supplier's status flows) uploaded with OpenSSH's {@code sftp} reach the
 * same verdicts as the same files dropped into folders, on a second engine with a data folder of its own. Reports are compared as our own types (flow status, each invoice's decision, status and
 * finding codes), never as bytes: flow ids and times differ.
 */
class SftpDemoFlowsIT {

    private static final String SUPPLIER = DemoFlows.SUPPLIER;
    private static final String RECIPIENT = DemoFlows.RECIPIENT;
    private static final Path SAMPLES = Path.of("samples");
    private static final Duration PATIENCE = Duration.ofMinutes(10);

    @TempDir
    Path work;

    @Test
    void theDemosFlowsUploadedOverSftpReachTheSameVerdictsAsTheSameFilesDroppedInAFolder() throws Exception {
        DemoFlows.Deposits deposits = DemoFlows.of(SAMPLES);
        assertThat(deposits.singles()).hasSizeGreaterThan(20);
        assertThat(deposits.batches()).isNotEmpty();

        // given the demo's flows dropped into the supplier's in/ of one engine, as the demo drops them
        Map<String, Verdict> dropped;
        Path folderData = work.resolve("folder");
        try (ConfigurableApplicationContext engine = start(folderData, false)) {
            JdbcTemplate jdbc = engine.getBean(JdbcTemplate.class);
            Path in = folderData.resolve("mailboxes").resolve(SUPPLIER).resolve("in");
            drop(in, deposits.singles());
            awaitCount(jdbc, "SELECT COUNT(*) FROM flow", deposits.singles().size());
            drop(in, deposits.batches());
            awaitCount(jdbc, "SELECT COUNT(*) FROM flow WHERE stage = 'REPORTED'", deposits.count());
            // and once routed, the status flows: the recipient's, then the supplier's completion
            route(engine);
            int flows = deposits.count();
            for (DemoFlows.StatusFlow status : DemoFlows.STATUS_FLOWS) {
                drop(folderData.resolve("mailboxes").resolve(status.partner()).resolve("in"),
                        List.of(SAMPLES.resolve("status").resolve(status.file())), f -> f.getFileName().toString());
                awaitCount(jdbc, "SELECT COUNT(*) FROM flow WHERE stage = 'REPORTED'", ++flows);
            }
            dropped = verdicts(folderData.resolve("mailboxes").resolve(SUPPLIER).resolve("out"));
            dropped.putAll(verdicts(folderData.resolve("mailboxes").resolve(RECIPIENT).resolve("out")));
        }

        // when the same files are uploaded over SFTP by the supplier, with OpenSSH's sftp, to a second engine
        Map<String, Verdict> uploaded;
        Path sftpData = work.resolve("sftp");
        Path client = Files.createDirectories(work.resolve("client"));
        Path collected = Files.createDirectories(work.resolve("collected"));
        try (ConfigurableApplicationContext engine = start(sftpData, true)) {
            JdbcTemplate jdbc = engine.getBean(JdbcTemplate.class);
            Map<String, OpenSshClient> clients = new TreeMap<>();
            for (String partner : List.of(SUPPLIER, RECIPIENT)) {
                Path key = OpenSshClient.newKey(client, partner.toLowerCase(java.util.Locale.ROOT));
                engine.getBean(PartnerRegistry.class).addKey(partner, SshKeys.read(OpenSshClient.publicKeyLine(key)));
                clients.put(partner, OpenSshClient.of(key, engine.getBean(HostKey.class).publicKeyLine(),
                        engine.getBean(SftpServer.class).port(), client));
            }
            upload(clients.get(SUPPLIER), SUPPLIER, deposits.singles(), DemoFlows::depositName);
            awaitCount(jdbc, "SELECT COUNT(*) FROM flow", deposits.singles().size());
            upload(clients.get(SUPPLIER), SUPPLIER, deposits.batches(), DemoFlows::depositName);
            awaitCount(jdbc, "SELECT COUNT(*) FROM flow WHERE stage = 'REPORTED'", deposits.count());
            route(engine);
            int flows = deposits.count();
            for (DemoFlows.StatusFlow status : DemoFlows.STATUS_FLOWS) {
                upload(clients.get(status.partner()), status.partner(),
                        List.of(SAMPLES.resolve("status").resolve(status.file())), f -> f.getFileName().toString());
                awaitCount(jdbc, "SELECT COUNT(*) FROM flow WHERE stage = 'REPORTED'", ++flows);
            }

            // and each partner downloads its reports over SFTP, then deletes them
            for (String partner : List.of(SUPPLIER, RECIPIENT)) {
                OpenSshClient.Result collect = clients.get(partner).batch(partner, "get out/*.cr.xml " + collected,
                        "rm out/*.cr.xml");
                assertThat(collect.exitCode()).as(collect.output()).isZero();
            }
            uploaded = verdicts(collected);
            assertThat(jdbc.queryForList("SELECT DISTINCT channel FROM flow", String.class)).containsExactly("sftp");
        }

        // then every flow got one report each way, with the same verdicts
        int expected = deposits.count() + DemoFlows.STATUS_FLOWS.size();
        assertThat(dropped).hasSize(expected);
        assertThat(uploaded).hasSize(expected);
        assertThat(uploaded).containsExactlyEntriesOf(dropped);
        // (a check that the comparison has teeth: the samples reach more than one verdict)
        assertThat(dropped.values().stream().map(Verdict::flowStatus).distinct())
                .contains("IN_INTEGRE 90", "IN_REJETE 93", "IN_INTEGRE_PARTIEL 96");
    }

    /**
     * A deposit report as a verdict: the flow's state and code, its flow-level finding codes, and per invoice its
     * rank, entry, number, decision, status (with its reason) and finding codes.
     */
    record Verdict(String flowStatus, List<String> flowFindings, List<String> invoices, List<String> statusLines) {
    }

    /** Routing now (the engines run with routing delayed), as the demo does before the status flows. */
    private static void route(ConfigurableApplicationContext engine) throws Exception {
        engine.getBean(JobOperator.class).start(engine.getBean("routingJob", Job.class),
                RunRequest.parameters(engine.getBean(Clock.class)).toJobParameters());
    }

    private static ConfigurableApplicationContext start(Path dataDir, boolean sftp) throws Exception {
        ConfigurableApplicationContext engine = new SpringApplicationBuilder(AchemineApplication.class)
                .web(WebApplicationType.NONE)
                .run("--achemine.data-dir=" + dataDir, "--achemine.directory.watch=false",
                        "--achemine.intake.poll-interval=100ms", "--achemine.intake.read-lock-interval=300ms",
                        "--achemine.routing.trigger-delay=1h", "--achemine.lifecycle.trigger-delay=1h",
                        "--achemine.sftp.enabled=" + sftp, "--achemine.sftp.port=0");
        SampleDirectory.importInto(engine.getBean(DirectoryImporter.class), dataDir);
        return engine;
    }

    /** As the demo drops them: copied under a temporary name, then renamed. */
    private static void drop(Path in, List<Path> samples) throws IOException {
        drop(in, samples, DemoFlows::depositName);
    }

    private static void drop(Path in, List<Path> samples, Function<Path, String> name) throws IOException {
        for (Path sample : samples) {
            Path temporary = in.resolve(name.apply(sample) + ".part");
            Files.copy(sample, temporary);
            Files.move(temporary, in.resolve(name.apply(sample)));
        }
    }

    /** Under their final names, in one session: the server publishes each upload when the client closes it. */
    private static void upload(OpenSshClient sftp, String partner, List<Path> samples, Function<Path, String> name) {
        List<String> puts = samples.stream().map(s -> "put " + s.toAbsolutePath() + " in/" + name.apply(s)).toList();
        OpenSshClient.Result result = sftp.batch(partner, puts.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    private static void awaitCount(JdbcTemplate jdbc, String query, int expected) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500))
                .until(() -> jdbc.queryForObject(query, Integer.class), count -> count == expected);
    }

    /** Each deposit report of a folder, by the name the flow was deposited under. */
    private static Map<String, Verdict> verdicts(Path folder) throws Exception {
        JAXBContext jaxb = JAXBContext.newInstance(ObjectFactory.class);
        Map<String, Verdict> verdicts = new TreeMap<>();
        List<Path> reports;
        try (Stream<Path> files = Files.list(folder)) {
            reports = files.filter(f -> f.getFileName().toString().endsWith(".cr.xml")).sorted().toList();
        }
        for (Path report : reports) {
            ReportSchema.validate(report);
            CompteRenduType cr = jaxb.createUnmarshaller().unmarshal(new StreamSource(report.toFile()),
                    CompteRenduType.class).getValue();
            Verdict previous = verdicts.put(cr.getFlux().getNomFichier(), verdict(cr));
            assertThat(previous).as("one report per flow: " + cr.getFlux().getNomFichier()).isNull();
        }
        return verdicts;
    }

    private static Verdict verdict(CompteRenduType cr) {
        List<String> invoices = new ArrayList<>();
        if (cr.getFactures() != null) {
            for (FactureType invoice : cr.getFactures().getFacture()) {
                invoices.add(invoice.getRang() + " " + invoice.getEntree() + " " + invoice.getNumeroFacture() + " "
                        + invoice.getDecision() + " " + (invoice.getStatutFacture() == null ? "-"
                        : invoice.getStatutFacture().getCode() + "/" + invoice.getStatutFacture().getCodeMotif())
                        + " " + codes(invoice.getConstats()));
            }
        }
        List<String> statusLines = cr.getStatuts() == null ? List.of() : cr.getStatuts().getLigne().stream()
                .map(l -> l.getLigne() + ":" + l.getResultat() + (l.getConstat() == null ? "" : ":" + l.getConstat().getCode()))
                .toList();
        return new Verdict(cr.getStatut().getEtat() + " " + cr.getStatut().getCode(), codes(cr.getErreursFlux()),
                invoices, statusLines);
    }

    private static List<String> codes(ConstatsType findings) {
        if (findings == null) {
            return List.of();
        }
        return findings.getConstat().stream().map(f -> f.getGravite() + ":" + f.getCode()).sorted(Comparator.naturalOrder())
                .toList();
    }
}
