package org.achemine.soak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.achemine.AchemineApplication;
import org.achemine.config.AchemineProperties.Partner;
import org.achemine.mailbox.Mailboxes;
import org.achemine.testing.EmbeddedPostgresServer;
import org.achemine.testing.TestDatabase;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.achemine.verify.InvariantChecker;
import org.achemine.verify.VerificationReport;
import org.achemine.verify.ViolationCode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The crash-restart soak: the engine runs as its own JVM ({@code achemine run}) while {@link SoakFlows}
 * drops flows; it is killed with SIGKILL (kill -9) at a random moment, N times, and restarted each time;
 * at the end it is left to drain, stopped with SIGTERM, and the data folder is checked: every flow dropped
 * (the manifest) taken exactly once and reported, and every invariant of {@link InvariantChecker} kept,
 * pending work included ({@code drained}). Run by {@code scripts/soak.sh} (the engine from the jar) and,
 * short, by {@code CrashSoakTest} (the engine from the test classpath).
 */
public final class CrashSoak {

    /**
     * @param engine        the command that starts achemine, without its arguments (java ... -jar achemine.jar)
     * @param maxKillDelay  a kill comes at a random moment up to this long after the engine answers again
     * @param sftpPort      0: flows are copied into the mailboxes; otherwise uploaded to the engine's SFTP server
     *                      on this port
     * @param consume       a {@link GreedyPartner} takes (downloads and deletes) every file of every out/ at once
     * @param database      the engines' database; null: the data folder's H2 file
     * @param as2Port       0: no AS2; otherwise half the flows are sent over AS2 to the engine's HTTP port, this one
     */
    public record Settings(Path work, List<String> engine, int kills, int flowsPerRound, Duration maxKillDelay,
                           long seed, int sftpPort, boolean consume, TestDatabase database, int as2Port) {

        public Settings(Path work, List<String> engine, int kills, int flowsPerRound, Duration maxKillDelay,
                        long seed, int sftpPort, boolean consume, TestDatabase database) {
            this(work, engine, kills, flowsPerRound, maxKillDelay, seed, sftpPort, consume, database, 0);
        }

        public Settings(Path work, List<String> engine, int kills, int flowsPerRound, Duration maxKillDelay,
                        long seed) {
            this(work, engine, kills, flowsPerRound, maxKillDelay, seed, 0, false, null);
        }

        public Settings(Path work, List<String> engine, int kills, int flowsPerRound, Duration maxKillDelay,
                        long seed, boolean consume) {
            this(work, engine, kills, flowsPerRound, maxKillDelay, seed, 0, consume, null);
        }
    }

    /** What the soak found; {@link #passed()} when nothing was lost, duplicated or orphaned. */
    public record Outcome(int kills, int dropped, int reported, int archived, int lost, int duplicated, int orphaned,
                          boolean stoppedOnSigterm, VerificationReport verification, Duration elapsed,
                          int takenByPartners) {

        public boolean passed() {
            return dropped == reported && dropped == archived && lost == 0 && duplicated == 0 && orphaned == 0
                    && stoppedOnSigterm && verification.clean();
        }

        public String describe() {
            return String.format("""
                    soak: %d kills (SIGKILL), %d flows dropped, %.0f s
                      dropped     %6d
                      reported    %6d
                      archived    %6d
                      lost        %6d
                      duplicated  %6d
                      orphaned    %6d
                      files taken by a greedy partner: %d
                      stopped on SIGTERM: %s
                    invariants (verify --drained):
                    %s%s%n""", kills, dropped, elapsed.toMillis() / 1000.0, dropped, reported, archived, lost,
                    duplicated, orphaned, takenByPartners, stoppedOnSigterm ? "yes" : "NO", verification.describe(),
                    passed() ? "SOAK PASSED" : "SOAK FAILED");
        }
    }

    private static final Duration QUIET = Duration.ofSeconds(3);
    private static final Duration DRAIN_LIMIT = Duration.ofMinutes(20);
    /** Restarts allowed for an engine stopped with work still pending (a retry or a trigger not yet due). */
    private static final int DRAIN_RESTARTS = 5;
    /** An engine's start-up, on a machine shared with other builds, may take minutes: a limit, not a measure. */
    private static final Duration ENGINE_START_LIMIT = Duration.ofMinutes(10);

    private final Settings settings;
    private final Path dataDir;
    private final Random random;
    private final TestDatabase database;
    private final List<Process> engines = new ArrayList<>();
    private GreedyPartner partner;
    private As2Drops as2;
    /** Several engines on the database at once (ADR 0019): each started with the cluster enabled. */
    private boolean cluster;

    private CrashSoak(Settings settings) {
        this.settings = settings;
        this.dataDir = settings.work().resolve("data").toAbsolutePath();
        this.random = new Random(settings.seed());
        this.database = settings.database() != null ? settings.database() : TestDatabase.h2(dataDir);
    }

    public static Outcome run(Settings settings) throws Exception {
        CrashSoak soak = new CrashSoak(settings);
        try {
            return soak.run();
        } finally {
            soak.engines.forEach(Process::destroyForcibly);
            if (soak.as2 != null) {
                soak.as2.servers.close();
            }
            if (soak.partner != null) {
                soak.partner.close();
            }
        }
    }

    /**
     * Two engines on one database and one data folder (ADR 0019): both started, {@code flowsPerRound} flows
     * dropped, the leader killed with SIGKILL once about a third of them are answered, the other left to carry
     * on alone and drain; then stopped, started once more alone (an engine starting alone sweeps the temporary
     * files the dead one left) and checked like the soak. {@code kills} is ignored (one).
     */
    public static TwoEngines runTwoEngines(Settings settings) throws Exception {
        CrashSoak soak = new CrashSoak(settings);
        soak.cluster = true;
        try {
            return soak.runTwo();
        } finally {
            soak.engines.forEach(Process::destroyForcibly);
        }
    }

    /**
     * What the two-engine run found: the soak's outcome, and who led when.
     *
     * @param leaderRanJobs         the first leader's log shows scheduled work once it led (directory import,
     *                              lifecycle reports)
     * @param followerRanJobs       the other's log shows some before it took the lead
     * @param survivorRanJobsAsLeader the other's log shows some once it took the lead
     */
    public record TwoEngines(Outcome outcome, boolean leaderRanJobs, boolean followerRanJobs, boolean leadershipMoved,
                             boolean survivorRanJobsAsLeader, int answeredAtKill) {
    }

    private static final String LEADER = "This engine is now the leader";
    /** What only scheduled work logs: the directory import and the lifecycle-report job. */
    private static final List<String> SCHEDULED_WORK = List.of("Directory import from", "Lifecycle report ");

    private TwoEngines runTwo() throws Exception {
        long start = System.nanoTime();
        Path manifest = settings.work().resolve("dropped.csv");
        prepareDirectoryImport();
        List<Process> both = List.of(start(0), start(1));
        waitUntil(() -> started(0) && started(1), ENGINE_START_LIMIT, "both engines started, see " + log(0) + ", " + log(1));
        waitUntil(() -> logged(0, LEADER) || logged(1, LEADER), ENGINE_START_LIMIT, "a leader elected");
        int leader = logged(0, LEADER) ? 0 : 1;
        int survivor = 1 - leader;
        waitUntil(() -> !entries(dataDir.resolve("directory/done")).isEmpty(), ENGINE_START_LIMIT,
                "the sample directory imported by the leader (directory/done), see " + log(leader));
        int answeredAtKill;
        try (SoakFlows flows = new SoakFlows(dataDir, manifest, settings.seed())) {
            Thread dropper = new Thread(() -> dropRound(flows), "soak-dropper");
            dropper.start();
            waitUntil(() -> reports() >= settings.flowsPerRound() / 3, DRAIN_LIMIT, "a third of the flows answered");
            answeredAtKill = reports();
            both.get(leader).destroyForcibly(); // SIGKILL: no clean leave, its claims and lock must expire
            both.get(leader).waitFor();
            dropper.join();
        }
        int dropped = SoakFlows.read(manifest).size();
        waitUntil(() -> inboxesEmpty() && reports() >= dropped, DRAIN_LIMIT, "every flow answered, see " + log(survivor));
        waitUntil(() -> logged(survivor, LEADER), DRAIN_LIMIT, "the survivor made leader, see " + log(survivor));
        waitForQuietOutboxes();
        boolean stopped = stop(both.get(survivor));
        cluster = false; // alone on the folder from now on, as after any stop
        int round = 2;
        while (true) {
            Process alone = start(round);
            int last = round;
            waitUntil(() -> started(last), DRAIN_LIMIT, "the engine started, see " + log(last));
            waitForQuietOutboxes();
            stopped &= stop(alone);
            if (pendingWork() == 0 || round == 1 + DRAIN_RESTARTS) {
                break;
            }
            round++;
        }
        Outcome outcome = verify(manifest, stopped, Duration.ofNanos(System.nanoTime() - start));
        return new TwoEngines(outcome, scheduledWork(leader, false), scheduledWork(survivor, true),
                logged(survivor, LEADER), scheduledWork(survivor, false), answeredAtKill);
    }

    /** Whether the engine's log shows scheduled work before (or after) it was made leader. */
    private boolean scheduledWork(int round, boolean beforeLeading) throws IOException {
        List<String> lines = Files.readAllLines(log(round));
        int leading = 0;
        while (leading < lines.size() && !lines.get(leading).contains(LEADER)) {
            leading++;
        }
        List<String> part = beforeLeading ? lines.subList(0, leading) : lines.subList(leading, lines.size());
        return part.stream().anyMatch(line -> SCHEDULED_WORK.stream().anyMatch(line::contains));
    }

    private boolean logged(int round, String text) {
        try {
            return Files.readString(log(round)).contains(text);
        } catch (IOException notYet) {
            return false;
        }
    }

    private Outcome run() throws Exception {
        long start = System.nanoTime();
        Path manifest = settings.work().resolve("dropped.csv");
        prepareDirectoryImport();
        SftpDrops uploads = settings.sftpPort() == 0 ? null : registeredUploads();
        as2 = settings.as2Port() == 0 ? null : registeredAs2Partners();
        if (settings.consume()) {
            partner = new GreedyPartner(dataDir);
        }
        Process engine = start(0);
        // the first engine imports the sample directory from its inbox before anything is dropped
        waitUntil(() -> !entries(dataDir.resolve("directory/done")).isEmpty(), ENGINE_START_LIMIT,
                "the sample directory imported (directory/done), see " + log(0));
        try (SoakFlows flows = new SoakFlows(dataDir, manifest, settings.seed(),
                uploads != null ? uploads : as2 != null ? as2 : SoakFlows.FILE_COPY)) {
            for (int round = 1; round <= settings.kills(); round++) {
                int answered = reports();
                Thread dropper = new Thread(() -> dropRound(flows), "soak-dropper");
                dropper.start();
                if (round % 5 != 0) {
                    // most kills come while flows are being answered; every fifth comes during start-up
                    waitUntil(() -> reports() > answered, ENGINE_START_LIMIT, "an answer after restart, see " + log(round - 1));
                }
                Thread.sleep(random.nextLong(settings.maxKillDelay().toMillis() + 1));
                engine.destroyForcibly(); // SIGKILL on Linux and macOS
                engine.waitFor();
                // restarted before the round's drops end: an SFTP upload cut off by the kill waits for the engine
                engine = start(round);
                dropper.join();
            }
        }
        if (uploads != null) {
            System.out.println("sftp: " + uploads.retriedUploads() + " uploads sent again after a kill ("
                    + uploads.failedAttempts() + " attempts failed while the engine was down or starting)");
            uploads.close();
        }
        if (as2 != null) {
            System.out.println("as2: " + as2.sent() + " messages answered by a processed receipt (signature and MIC"
                    + " checked), " + as2.resent() + " sent again under their Message-ID after a kill ("
                    + as2.failedAttempts() + " attempts without a receipt)");
        }
        int dropped = SoakFlows.read(manifest).size();
        waitUntil(() -> inboxesEmpty() && reports() >= dropped, DRAIN_LIMIT, "every flow answered, see " + log(settings.kills()));
        // Drained is what the invariants say of the stopped engine's database (no pending work), not a silence:
        // quiet outboxes only tell when to stop and look. Work still pending (a retry or a trigger not yet due
        // when it stopped) gets the engine started again, a few times at most.
        int round = settings.kills();
        boolean stopped;
        while (true) {
            int last = round;
            // quiet outboxes mean something only once the engine runs its triggers: its start-up is quiet too
            waitUntil(() -> started(last), DRAIN_LIMIT, "the engine started, see " + log(last));
            waitForQuietOutboxes();
            stopped = stop(engine);
            long pending = pendingWork();
            if (pending == 0 || round == settings.kills() + DRAIN_RESTARTS) {
                break;
            }
            System.out.printf("Soak: %d items of work still pending once stopped; the engine runs again%n", pending);
            engine = start(++round);
        }
        if (partner != null) {
            partner.close(); // a last pass, then the folder is still
        }
        return verify(manifest, stopped, Duration.ofNanos(System.nanoTime() - start));
    }

    /** SIGTERM, a graceful stop; SIGKILL if it takes more than a minute. Whether it stopped on SIGTERM. */
    private static boolean stop(Process engine) throws InterruptedException {
        engine.destroy();
        boolean stopped = engine.waitFor(60, TimeUnit.SECONDS);
        if (!stopped) {
            engine.destroyForcibly();
            engine.waitFor();
        }
        return stopped;
    }

    /** Work the stopped engine left pending: what the invariants count as a violation only once drained. */
    private long pendingWork() throws IOException {
        SingleConnectionDataSource db = database.open();
        try {
            JdbcTemplate jdbc = new JdbcTemplate(db);
            InvariantChecker invariants = InvariantChecker.standard();
            long pending = invariants.check(engineMailboxes(dataDir), jdbc, true).violationCount()
                    - invariants.check(engineMailboxes(dataDir), jdbc, false).violationCount();
            if (as2 != null) {
                // drained for AS2 means acknowledged: a push tried and waiting for its retry is pending too
                pending += jdbc.queryForObject("SELECT COUNT(*) FROM as2_outbox WHERE state = 'WAITING'", Long.class);
            }
            return pending;
        } finally {
            db.destroy();
        }
    }

    /** Each partner's key registered with the engine's own command, before its first start. */
    private SftpDrops registeredUploads() throws Exception {
        SftpDrops uploads = new SftpDrops(settings.sftpPort(), SoakFlows.PARTNERS);
        Path keys = Files.createDirectories(settings.work().resolve("keys"));
        for (Map.Entry<String, Path> key : uploads.writePublicKeys(keys).entrySet()) {
            List<String> command = new ArrayList<>(settings.engine());
            command.addAll(List.of("partner", "key", "add", key.getKey(), key.getValue().toString(),
                    "--achemine.data-dir=" + dataDir));
            command.addAll(database.arguments());
            Process added = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(settings.work().resolve("keys").resolve(key.getKey() + ".log").toFile()).start();
            if (added.waitFor() != 0) {
                throw new IllegalStateException("partner key add " + key.getKey() + " failed, see " + keys);
            }
        }
        return uploads;
    }

    /** Our keystore, and each partner's AS2 id and certificate registered with the engine's own command. */
    private As2Drops registeredAs2Partners() throws Exception {
        As2Drops drops = new As2Drops(settings.as2Port(), SoakFlows.PARTNERS);
        drops.ours.writeAsEngineKeystore(dataDir.resolve("as2/keystore.p12"), "achemine");
        Path certificates = Files.createDirectories(settings.work().resolve("as2"));
        for (Map.Entry<String, Path> certificate : drops.writeCertificates(certificates).entrySet()) {
            List<String> command = new ArrayList<>(settings.engine());
            // what the engine pushes goes to the partner's own AS2 server, run by this soak
            command.addAll(List.of("partner", "as2", "set", certificate.getKey(), "--as2-id",
                    As2Drops.as2Id(certificate.getKey()), "--url", drops.servers.url(certificate.getKey()), "--certificate",
                    certificate.getValue().toString(), "--achemine.data-dir=" + dataDir));
            command.addAll(database.arguments());
            Process set = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(certificates.resolve(certificate.getKey() + ".log").toFile()).start();
            if (set.waitFor() != 0) {
                throw new IllegalStateException("partner as2 set " + certificate.getKey() + " failed, see " + certificates);
            }
        }
        return drops;
    }

    private void prepareDirectoryImport() throws IOException {
        Path inbox = Files.createDirectories(dataDir.resolve("directory/in"));
        FileTime settled = FileTime.from(Instant.now().minusSeconds(60)); // the inbox waits for files to settle
        for (String file : List.of("structures.csv", "services.csv")) {
            Path temporary = Files.copy(Path.of("samples/directory").resolve(file), inbox.resolve(file + ".tmp"));
            Files.setLastModifiedTime(temporary, settled);
            Files.move(temporary, inbox.resolve(file));
        }
    }

    private void dropRound(SoakFlows flows) {
        for (int i = 0; i < settings.flowsPerRound(); i++) {
            flows.dropNext();
            if (i % 10 == 9) {
                sleep(Duration.ofMillis(50)); // partners drop over a moment, not all in one instant
            }
        }
    }

    private Process start(int round) throws IOException {
        List<String> command = new ArrayList<>(settings.engine());
        command.addAll(List.of("run", "--achemine.data-dir=" + dataDir, "--server.port=" + settings.as2Port(),
                "--achemine.intake.poll-interval=100ms", "--achemine.intake.read-lock-interval=300ms",
                "--achemine.routing.trigger-delay=500ms", "--achemine.routing.retry-after=1s",
                "--achemine.lifecycle.trigger-delay=500ms",
                "--achemine.directory.poll-interval=200ms"));
        command.addAll(database.arguments());
        if (cluster) {
            // a short lease: a killed engine's claims and lock are taken over within seconds
            command.addAll(List.of("--achemine.cluster.enabled=true", "--achemine.cluster.node-name=engine-" + round,
                    "--achemine.cluster.lease=10s", "--achemine.cluster.heartbeat=1s"));
        }
        if (settings.sftpPort() != 0) {
            command.addAll(List.of("--achemine.sftp.enabled=true", "--achemine.sftp.port=" + settings.sftpPort()));
        }
        if (settings.as2Port() != 0) {
            // short like the soak's other intervals: an engine drained lives seconds, its pushes must get tried
            command.addAll(List.of("--achemine.as2.enabled=true", "--achemine.as2.outbox-interval=200ms",
                    "--achemine.as2.retry-first=1s", "--achemine.as2.retry-max=5s"));
        }
        Files.createDirectories(log(round).getParent());
        Process engine = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log(round).toFile()).start();
        engines.add(engine);
        return engine;
    }

    /** The engine of that round has finished starting (its routes and triggers run). */
    private boolean started(int round) {
        try {
            return Files.readString(log(round)).contains("Started AchemineApplication");
        } catch (IOException notYet) {
            return false;
        }
    }

    private Path log(int round) {
        return settings.work().resolve("logs").resolve(String.format("engine-%03d.log", round));
    }

    /** Every outbox unchanged for a while, no write under way: the moment to stop the engine and look. */
    private void waitForQuietOutboxes() throws Exception {
        Instant limit = Instant.now().plus(DRAIN_LIMIT);
        Set<String> last = outboxFiles();
        Instant quietSince = Instant.now();
        while (Duration.between(quietSince, Instant.now()).compareTo(QUIET) < 0) {
            if (Instant.now().isAfter(limit)) {
                throw new IllegalStateException("The outboxes never settled within " + DRAIN_LIMIT);
            }
            Thread.sleep(250);
            Set<String> now = outboxFiles();
            if (!now.equals(last) || now.stream().anyMatch(n -> n.endsWith(".tmp"))) {
                last = now;
                quietSince = Instant.now();
            }
        }
    }

    private Outcome verify(Path manifest, boolean stopped, Duration elapsed) throws IOException {
        List<SoakFlows.Drop> drops = SoakFlows.read(manifest);
        SingleConnectionDataSource db = database.open();
        try {
            JdbcTemplate jdbc = new JdbcTemplate(db);
            int reported = 0;
            int archived = 0;
            int lost = 0;
            int duplicated = 0;
            Set<String> matched = new HashSet<>();
            for (SoakFlows.Drop drop : drops) {
                List<String[]> flows = jdbc.query("SELECT flow_id, stage, archive_path FROM flow"
                                + " WHERE partner = ? AND original_name = ? AND sha256 = ?",
                        (rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)},
                        drop.partner(), drop.name(), drop.sha256());
                if (flows.isEmpty()) {
                    lost++;
                    System.out.println("LOST " + drop);
                } else if (flows.size() > 1) {
                    duplicated++;
                    System.out.println("DUPLICATED " + drop + " as " + flows.stream().map(f -> f[0]).toList());
                }
                for (String[] flow : flows) {
                    matched.add(flow[0]);
                }
                if (flows.size() == 1 && "REPORTED".equals(flows.get(0)[1])) {
                    reported++;
                }
                if (flows.size() == 1 && Files.isRegularFile(Path.of(flows.get(0)[2]))) {
                    archived++;
                }
            }
            Integer flowRows = jdbc.queryForObject("SELECT COUNT(*) FROM flow", Integer.class);
            VerificationReport verification = InvariantChecker.standard()
                    .check(engineMailboxes(dataDir), jdbc, true);
            long orphans = flowRows - matched.size() + verification.count(ViolationCode.INV_ARCHIVE_ORPHELIN)
                    + verification.count(ViolationCode.INV_CR_ORPHELIN)
                    + verification.count(ViolationCode.INV_CR_INTEGRATION_ORPHELIN)
                    + verification.count(ViolationCode.INV_LIVRAISON_ORPHELINE)
                    + verification.count(ViolationCode.INV_FICHIER_INCONNU);
            long duplicates = duplicated + verification.count(ViolationCode.INV_LIVRAISON_MULTIPLE);
            if (as2 != null) {
                // every message answered by exactly one flow: as many flows arrived by AS2 as messages acknowledged
                Integer as2Flows = jdbc.queryForObject("SELECT COUNT(*) FROM flow WHERE channel = 'as2'", Integer.class);
                Integer answered = jdbc.queryForObject("SELECT COUNT(*) FROM as2_received", Integer.class);
                System.out.printf("as2: %d messages sent, %d received (MDN kept), %d flows arrived by as2%n",
                        as2.sent(), answered, as2Flows);
                lost += Math.max(0, as2.sent() - as2Flows);
                duplicates += Math.max(0, as2Flows - as2.sent()) + Math.abs(answered - as2.sent());
                // every file published to an AS2 partner received once by its server, nothing left waiting
                As2PartnerServers.Tally pushes = as2.servers.check(jdbc);
                System.out.println(pushes.describe());
                lost += Math.max(pushes.lost(), pushes.waiting());
                duplicates += pushes.duplicated();
                orphans += pushes.orphaned();
            }
            if (partner != null) {
                partner.takenTwice().forEach(name -> System.out.println("PUBLISHED TWICE (taken twice) " + name));
                duplicates += partner.takenTwice().size();
            }
            return new Outcome(settings.kills(), drops.size(), reported, archived, lost, (int) duplicates,
                    (int) orphans, stopped, verification, elapsed, partner == null ? 0 : partner.takenInAll());
        } finally {
            db.destroy();
        }
    }

    /** Deposit reports published so far: still in out/, or taken by the greedy partner. */
    private int reports() {
        int count = partner == null ? 0 : partner.taken(".cr.xml");
        for (String partner : SoakFlows.PARTNERS) {
            count += (int) entries(dataDir.resolve("mailboxes").resolve(partner).resolve("out")).stream()
                    .filter(n -> n.endsWith(".cr.xml") && !n.startsWith(".")).count();
        }
        return count;
    }

    private boolean inboxesEmpty() {
        return SoakFlows.PARTNERS.stream().allMatch(p -> entries(dataDir.resolve("mailboxes").resolve(p).resolve("in"))
                .stream().allMatch(n -> n.endsWith(".part")));
    }

    private Set<String> outboxFiles() {
        Set<String> files = new HashSet<>();
        if (partner != null) {
            files.add("taken by the greedy partner: " + partner.takenInAll());
        }
        for (String mailbox : entries(dataDir.resolve("mailboxes"))) {
            entries(dataDir.resolve("mailboxes").resolve(mailbox).resolve("out")).forEach(n -> files.add(mailbox + "/" + n));
        }
        if (as2 != null) {
            files.add(as2.servers.requestCounts()); // pushes to the partners' AS2 servers under way
        }
        return files;
    }

    private static List<String> entries(Path folder) {
        List<String> names = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return names;
        }
        try (DirectoryStream<Path> all = Files.newDirectoryStream(folder)) {
            all.forEach(p -> names.add(p.getFileName().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    private void waitUntil(BooleanSupplier condition, Duration timeout, String what) {
        Instant limit = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(limit)) {
                throw new IllegalStateException("Soak: waited " + timeout + " for " + what);
            }
            sleep(Duration.ofMillis(100));
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Soak interrupted", e);
        }
    }

    /** The engine from the test classpath, as the tests run it, with these JVM options added. */
    public static List<String> engineFromClasspath(String... jvmOptions) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m"));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), AchemineApplication.class.getName()));
        return command;
    }

    /**
     * {@code CrashSoak [--kills N] [--flows-per-round M] [--max-kill-delay-ms D] [--seed S] [--work DIR]
     * [--jar target/achemine.jar] [--sftp] [--as2] [--consume]}: prints the counts and exits 1 on any violation.
     */
    public static void main(String[] args) throws Exception {
        int kills = Integer.parseInt(option(args, "--kills", "50"));
        int perRound = Integer.parseInt(option(args, "--flows-per-round", "40"));
        Duration maxKillDelay = Duration.ofMillis(Long.parseLong(option(args, "--max-kill-delay-ms", "3000")));
        long seed = Long.parseLong(option(args, "--seed", String.valueOf(System.currentTimeMillis())));
        boolean consume = List.of(args).contains("--consume");
        String workOption = option(args, "--work", null);
        Path work = workOption == null ? Files.createTempDirectory("achemine-soak") : Files.createDirectories(Path.of(workOption));
        String jar = option(args, "--jar", null);
        List<String> engine = jar == null ? engineFromClasspath()
                : List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m", "-jar",
                        Path.of(jar).toAbsolutePath().toString());
        int sftpPort = java.util.Arrays.asList(args).contains("--sftp") ? freePort() : 0;
        int as2Port = java.util.Arrays.asList(args).contains("--as2") ? freePort() : 0;
        System.out.printf("soak: %d kills, %d flows per round, kills up to %d ms after answers resume, seed %d,%s work %s%s%n",
                kills, perRound, maxKillDelay.toMillis(), seed, consume ? " greedy partners," : "", work,
                sftpPort == 0 ? "" : ", flows uploaded over SFTP (port " + sftpPort + ")");
        if (as2Port != 0) {
            System.out.println("soak: half the flows sent over AS2 to http://127.0.0.1:" + as2Port + "/as2");
        }
        // --database postgres: the engines share a PostgreSQL server this JVM starts (embedded, on 127.0.0.1)
        boolean postgres = "postgres".equals(option(args, "--database", "h2"));
        TestDatabase database = postgres ? EmbeddedPostgresServer.freshDatabase() : null;
        Outcome outcome = run(new Settings(work, engine, kills, perRound, maxKillDelay, seed, sftpPort, consume, database,
                as2Port));
        System.out.print(outcome.describe());
        System.out.println("data folder: " + work.resolve("data") + " (engine logs in " + work.resolve("logs") + ")");
        int verified = postgres ? verifyCommand(engine, work.resolve("data"), database) : 0;
        System.exit(outcome.passed() && verified == 0 ? 0 : 1);
    }

    /** The jar's own {@code verify --drained}, run here while this JVM's PostgreSQL server is still up. */
    private static int verifyCommand(List<String> engine, Path dataDir, TestDatabase database) throws Exception {
        List<String> command = new ArrayList<>(engine);
        command.addAll(List.of("verify", "--data-dir", dataDir.toString(), "--drained"));
        command.addAll(database.arguments());
        System.out.println();
        System.out.println("== verify --data-dir " + dataDir + " --drained (on the soak's PostgreSQL database)");
        return new ProcessBuilder(command).inheritIO().start().waitFor();
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    /** The data folder as the engine sees it: with the partners of its default configuration (application.yml). */
    static Mailboxes engineMailboxes(Path dataDir) throws IOException {
        List<PropertySource<?>> defaults = new YamlPropertySourceLoader().load("application.yml",
                new ClassPathResource("application.yml"));
        List<Partner> partners = new Binder(ConfigurationPropertySources.from(defaults))
                .bind("achemine.partners", Bindable.listOf(Partner.class)).orElse(List.of());
        return new Mailboxes(dataDir, partners);
    }
}
