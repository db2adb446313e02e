package org.achemine.cli;

import static org.achemine.testing.Commands.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.achemine.testing.Commands.Run;
import org.achemine.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * {@code verify} on a real data folder (the demo's: samples taken, validated, reported, routed and delivered
 * by the engine), clean; then with a file waiting in in/ (pending, a violation only when drained); then on a
 * copy damaged in every way an invariant covers, each violation detected with its code; and on a copy whose
 * partners took every published file (none of them missing: the publication journal says they were published).
 */
@TestInstance(Lifecycle.PER_CLASS)
class VerifyCommandIT {

    private static final String SUPPLIER = "FOU001";
    /** Serves the Bellerive SIRET (21690012600014) of the sample invoices: they are delivered into its out/. */
    private static final String RECIPIENT_PARTNER = "COL001";

    /** Static: a PER_CLASS instance gets its own @TempDir fields only before each test, after @BeforeAll. */
    @TempDir
    static Path work;

    Path demo;

    TestDatabase demoDatabase;

    /** The database the demo's engine runs on: the data folder's H2 file. */
    protected TestDatabase database(Path dataDir) {
        return TestDatabase.h2(dataDir);
    }

    @BeforeAll
    void buildDemoDataFolder() throws Exception {
        Path samples = work.resolve("samples");
        for (String sample : List.of("directory/structures.csv", "directory/services.csv", "ubl/invoice-valid.xml",
                "ubl/creditnote-valid.xml", "batch/mixed-batch.zip", "invalid/xsd-error.xml")) {
            Path copy = samples.resolve(sample);
            Files.createDirectories(copy.getParent());
            Files.copy(Path.of("samples").resolve(sample), copy);
        }
        demo = work.resolve("demo");
        demoDatabase = database(demo);
        Run run = run(with(demoDatabase, "demo", "--samples", samples.toString(), "--data-dir", demo.toString()));
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    @Test
    void aProcessedDataFolderKeepsEveryInvariantAndAWaitingFileIsPendingUntilDrained() throws Exception {
        // when the operator verifies the demo's data folder, drained
        Run clean = run(with(demoDatabase, "verify", "--data-dir", demo.toString(), "--drained"));

        // then nothing is broken, and the counts say what is there
        assertThat(clean.exitCode()).as(clean.out() + clean.err()).isZero();
        assertThat(clean.out()).contains("Aucune violation").containsPattern("flux \\(lignes en base\\) +4\n")
                .containsPattern("originaux archivés \\(SHA-256 vérifié\\) +4\n")
                .containsPattern("CR de dépôt dans out/ +4\n")
                .containsPattern("CR au format CPPStatut dans out/ \\(dépôt et intégration\\) +[1-9]")
                .containsPattern("factures livrées \\(03 et suivants\\) +[1-9]")
                .containsPattern("factures refusées à l'intégration \\(213\\) +2\n")
                .containsPattern("rapports de cycle de vie +1\n");
        Matcher changes = Pattern.compile("changements de statut +(\\d+)\n").matcher(clean.out());
        assertThat(changes.find()).isTrue();
        assertThat(clean.out()).containsPattern("changements signalés au fournisseur +" + changes.group(1) + "\n");

        // given a file dropped but not taken yet (the engine is stopped)
        Files.writeString(demo.resolve("mailboxes").resolve(SUPPLIER).resolve("in").resolve("later.xml"), "<Invoice/>");
        try {
            // then it is pending, not a violation, unless the engine was said drained
            Run pending = run(with(demoDatabase, "verify", "--achemine.data-dir=" + demo));
            assertThat(pending.exitCode()).as(pending.out()).isZero();
            assertThat(pending.out()).containsPattern("fichiers en attente dans in/ +1\n");
            Run drained = run(with(demoDatabase, "verify", "--data-dir", demo.toString(), "--drained"));
            assertThat(drained.exitCode()).isEqualTo(1);
            assertThat(drained.out()).contains("INV_ENTREE_NON_PRISE").contains("later.xml");
        } finally {
            Files.delete(demo.resolve("mailboxes").resolve(SUPPLIER).resolve("in").resolve("later.xml"));
        }
    }

    @Test
    void everyKindOfDamageIsDetectedWithItsCode() throws Exception {
        // given a copy of the processed data folder
        Path data = copy(demo, work.resolve("damaged"));
        TestDatabase database = demoDatabase.copyFor(data);
        Path out = data.resolve("mailboxes").resolve(SUPPLIER).resolve("out");
        Path delivered = data.resolve("mailboxes").resolve(RECIPIENT_PARTNER).resolve("out");
        List<Path> depositReports = list(out, ".cr.xml");
        List<Path> integrationReports = list(out, ".integration.xml");
        List<Path> deliveries = list(delivered, ".xml");
        List<Path> archived = archived(data);
        List<Path> lifecycleReports = list(out, ".xml").stream()
                .filter(f -> f.getFileName().toString().startsWith("FEN1200A_")).toList();
        assertThat(lifecycleReports).hasSize(1);
        assertThat(depositReports).hasSize(4);
        assertThat(deliveries).hasSizeGreaterThanOrEqualTo(2);
        String rejected;
        String takenName;
        Path takenArchive;
        Path deletedReport = depositReports.get(0);
        Path deletedDelivery = deliveries.get(0);
        Path deletedIntegration = integrationReports.get(0);
        Path neverRenamed = depositReports.get(2);
        String lostOfficialFlow = depositReports.get(1).getFileName().toString().substring(0, 25);
        String lostOfficial = "FSO" + lostOfficialFlow.substring(6, 10) + "A_ACH001_" + lostOfficialFlow + ".xml";
        SingleConnectionDataSource db = database.open();
        try {
            JdbcTemplate jdbc = new JdbcTemplate(db);
            // a delivered invoice its recipient rejected (05), recorded without the mandatory reason
            rejected = jdbc.queryForObject("SELECT MIN(invoice_id) FROM invoice WHERE status = '03'", String.class);
            jdbc.update("UPDATE invoice SET status = '05', reason_code = NULL WHERE invoice_id = ?", rejected);
            takenName = jdbc.queryForObject("SELECT original_name FROM flow WHERE original_name LIKE '%xsd-error%'", String.class);
            takenArchive = Path.of(jdbc.queryForObject("SELECT archive_path FROM flow WHERE original_name = ?", String.class, takenName));
            // a change the lifecycle report lists, no longer marked as reported: untold, and listed by a report
            // that does not hold it
            jdbc.update("UPDATE invoice_status_history SET lifecycle_report_id = NULL WHERE invoice_id = ? AND seq = 1",
                    rejected);
            // publications lost: published as the database says, yet never journaled (a file merely missing from
            // out/ was taken by its partner, which is no loss)
            for (Path lost : List.of(deletedReport, deletedDelivery, deletedIntegration)) {
                assertThat(jdbc.update("DELETE FROM publication WHERE mailbox = ? AND file_name = ?",
                        lost.getParent().getParent().getFileName().toString(), lost.getFileName().toString())).isOne();
            }
            // the official CPPStatut answer of another flow lost the same way (its detailed report is still there)
            assertThat(jdbc.update("DELETE FROM publication WHERE mailbox = ? AND file_name = ?", SUPPLIER,
                    lostOfficial)).isOne();
            // and one journaled but never renamed into place
            jdbc.update("UPDATE publication SET state = 'PENDING' WHERE file_name = ?",
                    neverRenamed.getFileName().toString());
        } finally {
            db.destroy();
        }
        assertThat(rejected).as("an invoice delivered in the demo").isNotNull();

        // when it is damaged: a deposit report deleted, an archived original altered, an orphan archived, a
        // temporary file left in out/ and in the staging area, a delivered invoice deleted and another delivered
        // twice, a taken file back in in/, an orphan report, an integration report deleted, a reason erased
        Files.delete(deletedReport);
        Path takenArchived = data.resolve("archive").resolve(takenArchive.subpath(takenArchive.getNameCount() - 4,
                takenArchive.getNameCount()));
        Path altered = archived.stream().filter(a -> !a.equals(takenArchived)).findFirst().orElseThrow();
        altered.toFile().setWritable(true);
        Files.writeString(altered, "<!-- altered -->", StandardOpenOption.APPEND);
        Path orphan = Files.createDirectories(data.resolve("archive/2026/01/01")).resolve("ACH0011100999999999999999");
        Files.copy(takenArchived, orphan);
        Path temporary = Files.writeString(out.resolve(".ACH0011100000000000000001_x.cr.xml.tmp"), "<half");
        Path staged = Files.writeString(Files.createDirectories(data.resolve("archive/.staging")).resolve("a.part"), "x");
        Files.delete(deletedDelivery);
        Path second = deliveries.get(1);
        String secondId = second.getFileName().toString().substring(0, second.getFileName().toString().indexOf('_'));
        Path twice = Files.copy(second, delivered.resolve(secondId + "_again.xml"));
        Path backInInbox = Files.copy(takenArchived, data.resolve("mailboxes").resolve(SUPPLIER).resolve("in").resolve(takenName));
        Path orphanReport = Files.copy(depositReports.get(1), out.resolve("ACH0011100999999999999998_ghost.xml.cr.xml"));
        Files.delete(deletedIntegration);
        Path alteredReport = depositReports.get(3);
        Files.writeString(alteredReport, "<!-- altered -->", StandardOpenOption.APPEND);
        Path unknown = Files.writeString(delivered.resolve("notes.txt"), "?");
        Path lifecycleCopy = Files.copy(lifecycleReports.get(0), out.resolve("FEN1200A_ACH001_ACH0011310999999999999999.xml"));

        // then verify fails and names each violation with its code
        Run run = run(with(database, "verify", "--data-dir", data.toString(), "--drained"));
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out())
                .contains("INV_CR_ABSENT").contains(deletedReport.getFileName().toString())
                .contains("compte rendu CPPStatut jamais publié").contains(lostOfficial)
                .contains("INV_ARCHIVE_ALTERE").contains(altered.toString())
                .contains("INV_ARCHIVE_ORPHELIN").contains(orphan.toString())
                .contains("INV_FICHIER_TEMPORAIRE").contains(temporary.toString()).contains(staged.toString())
                .contains("INV_LIVRAISON_ABSENTE").contains(deletedDelivery.getFileName().toString())
                .contains("INV_LIVRAISON_MULTIPLE").contains(twice.toString())
                .contains("INV_SOURCE_NON_RETIREE").contains(backInInbox.toString())
                .contains("INV_CR_ORPHELIN").contains(orphanReport.toString())
                .contains("INV_CR_INTEGRATION_ABSENT").contains(deletedIntegration.getFileName().toString())
                .contains("INV_MOTIF_ABSENT").contains(rejected)
                .contains("INV_FICHIER_INCONNU").contains(unknown.toString())
                .contains("INV_CHANGEMENT_NON_SIGNALE").contains(rejected + " (01)")
                .contains("INV_RAPPORT_CYCLE_INCOHERENT").contains(lifecycleReports.get(0).getFileName().toString())
                .contains("INV_RAPPORT_CYCLE_ORPHELIN").contains(lifecycleCopy.toString())
                .contains("INV_PUBLICATION_INACHEVEE").contains(neverRenamed.getFileName().toString())
                .contains("INV_PUBLICATION_NON_JOURNALISEE").contains(unknown.toString())
                .contains("INV_PUBLICATION_ALTEREE").contains(alteredReport.toString());
    }

    @Test
    void as2MessagesWithoutFlowAndPushesNeverPublishedOrNeverTriedAreNamed() throws Exception {
        // given a copy of the processed data folder, its AS2 tables written by hand: a message answered by a
        // demo flow, one whose flow is lost, one whose payload still waits in in/; a push acknowledged for a
        // published report, one acknowledged for a file never published, one waiting that was never tried
        Path data = copy(demo, work.resolve("as2"));
        TestDatabase database = demoDatabase.copyFor(data);
        Path in = data.resolve("mailboxes").resolve(SUPPLIER).resolve("in");
        String published;
        SingleConnectionDataSource db = database.open();
        try {
            JdbcTemplate jdbc = new JdbcTemplate(db);
            Map<String, Object> flow = jdbc.queryForMap(
                    "SELECT original_name, sha256 FROM flow WHERE partner = ? ORDER BY flow_id FETCH FIRST 1 ROWS ONLY",
                    SUPPLIER);
            received(jdbc, "<answered@partner>", (String) flow.get("original_name"), (String) flow.get("sha256"));
            received(jdbc, "<lost@partner>", "lost.xml", "a".repeat(64));
            received(jdbc, "<waiting@partner>", "waiting.xml", "b".repeat(64));
            Map<String, Object> report = jdbc.queryForMap("SELECT file_name, sha256 FROM publication WHERE mailbox = ?"
                    + " AND state = 'PUBLISHED' ORDER BY file_name FETCH FIRST 1 ROWS ONLY", SUPPLIER);
            published = (String) report.get("file_name");
            pushed(jdbc, "<pushed@achemine>", published, (String) report.get("sha256"), "ACKNOWLEDGED", 1);
            pushed(jdbc, "<ghost@achemine>", "ghost.cr.xml", "c".repeat(64), "ACKNOWLEDGED", 1);
            pushed(jdbc, "<retrying@achemine>", published + ".again", "d".repeat(64), "WAITING", 3);
            pushed(jdbc, "<untried@achemine>", published + ".later", "e".repeat(64), "WAITING", 0);
        } finally {
            db.destroy();
        }
        Files.writeString(in.resolve(".waiting.xml.as2"), "<Invoice/>");

        // when it is verified, not drained, then drained
        Run running = run(with(database, "verify", "--data-dir", data.toString()));
        Run drained = run(with(database, "verify", "--data-dir", data.toString(), "--drained"));

        // then the lost flow and the push of an unpublished file are violations at once, the waiting payload and
        // the untried push only once drained; the answered message and the acknowledged report are counted
        assertThat(running.exitCode()).as(running.out() + running.err()).isEqualTo(1);
        assertThat(running.out())
                .containsPattern("messages AS2 reçus \\(MDN envoyé\\) +3\n")
                .containsPattern("messages AS2 pas encore pris dans in/ +1\n")
                .containsPattern("envois AS2 acquittés +2\n")
                .containsPattern("envois AS2 en attente de MDN \\(déjà tentés\\) +1\n")
                .containsPattern("envois AS2 jamais tentés +1\n")
                .contains("INV_AS2_SANS_FLUX").contains("<lost@partner>")
                .contains("INV_AS2_ENVOI_NON_PUBLIE").contains("<ghost@achemine>")
                .doesNotContain("<waiting@partner>").doesNotContain("INV_AS2_ENVOI_JAMAIS_TENTE")
                .doesNotContain("<answered@partner>").doesNotContain("<pushed@achemine>");
        assertThat(drained.exitCode()).isEqualTo(1);
        assertThat(drained.out())
                .contains("<lost@partner>").contains("<ghost@achemine>").contains("<waiting@partner>")
                .contains("INV_AS2_ENVOI_JAMAIS_TENTE").contains("<untried@achemine>")
                .doesNotContain("<retrying@achemine>").doesNotContain("<answered@partner>")
                .doesNotContain("<pushed@achemine>");
    }

    private static void received(JdbcTemplate jdbc, String messageId, String fileName, String sha256) {
        jdbc.update("INSERT INTO as2_received (partner_code, message_id, file_name, sha256, size_bytes, mic,"
                + " mdn_content_type, mdn, received_at) VALUES (?, ?, ?, ?, 10, 'mic, sha-256', 'multipart/signed',"
                + " 'bWRu', CURRENT_TIMESTAMP)", SUPPLIER, messageId, fileName, sha256);
    }

    private static void pushed(JdbcTemplate jdbc, String messageId, String fileName, String sha256, String state,
                               int attempts) {
        jdbc.update("INSERT INTO as2_outbox (partner_code, file_name, kind, sha256, size_bytes, message_id, state,"
                + " attempts, next_attempt_at, created_at) VALUES (?, ?, 'CR', ?, 10, ?, ?, ?, CURRENT_TIMESTAMP,"
                + " CURRENT_TIMESTAMP)", SUPPLIER, fileName, sha256, messageId, state, attempts);
    }

    @Test
    void filesPartnersTookAreNotMissing() throws Exception {
        // given a copy of the processed data folder whose partners took every file we published
        Path data = copy(demo, work.resolve("taken"));
        TestDatabase database = demoDatabase.copyFor(data);
        int taken = 0;
        for (String mailbox : List.of(SUPPLIER, RECIPIENT_PARTNER)) {
            for (Path file : list(data.resolve("mailboxes").resolve(mailbox).resolve("out"), "")) {
                Files.delete(file);
                taken++;
            }
        }
        assertThat(taken).isGreaterThan(8);

        // when it is verified, drained
        Run run = run(with(database, "verify", "--data-dir", data.toString(), "--drained"));

        // then nothing is missing: the journal says each was published, and counts them as taken
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("Aucune violation")
                .containsPattern("flux répondus \\(CR de dépôt\\) +4\n")
                .containsPattern("publications prises par le partenaire +" + taken + "\n")
                .containsPattern("publications encore dans out/ +0\n");
    }

    @Test
    void aFolderWithoutDatabaseIsAUsageErrorNotAnEmptyVerdict() {
        Run run = run("verify", "--data-dir", work.resolve("nothing-here").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Pas de base achemine");
        assertThat(work.resolve("nothing-here")).doesNotExist();
    }

    /** A command's arguments, then the settings that point it at the database. */
    private static String[] with(TestDatabase database, String... args) {
        return Stream.concat(Stream.of(args), database.arguments().stream()).toArray(String[]::new);
    }

    private static List<Path> list(Path folder, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)
                    && !f.getFileName().toString().startsWith(".")).sorted().toList();
        }
    }

    private static List<Path> archived(Path data) throws IOException {
        try (Stream<Path> files = Files.walk(data.resolve("archive"))) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path source : all.sorted(Comparator.naturalOrder()).toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else if (!source.getFileName().toString().endsWith(".lock.db")) {
                    Files.copy(source, target);
                }
            }
        }
        return to;
    }
}
