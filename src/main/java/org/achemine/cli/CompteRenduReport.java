package org.achemine.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import org.achemine.report.DepositReport;
import org.achemine.report.ReportException;
import org.achemine.report.ReportedFlow;
import org.achemine.validation.report.ValidatedFile;
import org.achemine.validation.report.VerdictReport;

/**
 * {@code --format xml}: the deposit report (compte rendu) the mailbox intake would write, one per file. With
 * an output folder each goes to its own {@code <flowId>_<name>.cr.xml}; otherwise (a single file) to stdout.
 * Offline flows get a local id: platform code {@value #OFFLINE_PLATFORM}, the syntax's interface number and
 * the file's rank in the run. In the command package: it joins validation and the report feature.
 */
final class CompteRenduReport implements VerdictReport {

    static final String OFFLINE_PLATFORM = "LOCAL0";
    static final String OFFLINE_PARTNER = "LOCAL";

    private final DepositReport reports;
    private final Path folder;
    private final OutputStream stdout;
    private final PrintStream stderr;
    private long rank;

    /** @param folder where to write the reports, or null for stdout */
    CompteRenduReport(DepositReport reports, Path folder, OutputStream stdout, PrintStream stderr) {
        this.reports = reports;
        this.folder = folder;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    @Override
    public void file(ValidatedFile file) throws IOException {
        rank++;
        if (file.flow() == null) {
            stderr.println("validate: " + file.file() + ": " + file.error() + " (no compte rendu)");
            return;
        }
        Path path = Path.of(file.file());
        String interfaceNumber = file.syntax() == null ? "0000" : file.syntax().interfaceNumber();
        String flowId = OFFLINE_PLATFORM + interfaceNumber + String.format("%015d", rank);
        ReportedFlow flow = new ReportedFlow(flowId, path.getFileName().toString(), OFFLINE_PARTNER, sha256(path),
                Files.size(path), Files.getLastModifiedTime(path).toInstant());
        byte[] xml;
        try {
            xml = reports.toXml(flow, file.flow(), Instant.now());
        } catch (ReportException e) {
            throw new IOException(e.getMessage(), e);
        }
        if (folder == null) {
            stdout.write(xml);
            stdout.flush();
        } else {
            Path target = folder.resolve(DepositReport.fileName(flowId, path.getFileName().toString()));
            Path partial = target.resolveSibling(target.getFileName() + ".part");
            Files.write(partial, xml);
            Files.move(partial, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always there", e);
        }
    }
}
