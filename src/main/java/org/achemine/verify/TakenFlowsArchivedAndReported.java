package org.achemine.verify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.achemine.qualification.Environment;
import org.achemine.archive.FlowArchive;
import org.achemine.intake.FlowId;
import org.achemine.intake.InterfaceSniffer;
import org.achemine.report.DepositReport;
import org.achemine.report.FlowStatutReports;

/**
 * Every flow taken from an {@code in/} has its archived original, with the SHA-256 recorded when it was
 * taken (recomputed from the file), and, once reported, its deposit report published in the sender's
 * {@code out/} (journaled: the partner may have taken it since).
 */
final class TakenFlowsArchivedAndReported implements Invariant {

    static final String FLOWS = "flux (lignes en base)";
    static final String ARCHIVED = "originaux archivés (SHA-256 vérifié)";
    static final String REPORTED = "flux répondus (CR de dépôt)";
    static final String PENDING = "flux en attente de CR";
    static final String TAKES_PENDING = "prises interrompues (fichier encore dans in/)";
    static final String PARKED = "flux en incident, répondus ERR_TECHNIQUE (en attente de flow retry)";

    private record FlowRow(String flowId, String partner, String name, String sha256, String archivePath,
                           String stage, boolean sourceRemoved, String reportPath, boolean qualification) {

        Environment environment() {
            return Environment.of(qualification);
        }
    }

    @Override
    public String name() {
        return "every taken flow archived and reported";
    }

    @Override
    public void check(DataFolder data, VerificationReport.Builder report) {
        report.count(FLOWS).count(ARCHIVED).count(REPORTED).count(PENDING).count(PARKED);
        data.forEachRow("""
                SELECT flow_id, partner, original_name, sha256, archive_path, stage, source_removed, report_path,
                       qualification
                FROM flow WHERE flow_id > ? ORDER BY flow_id LIMIT ?""",
                (rs, i) -> new FlowRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getBoolean(7), rs.getString(8), rs.getBoolean(9)),
                FlowRow::flowId,
                DataFolder.reading(flow -> check(data, report, flow)));
    }

    private static void check(DataFolder data, VerificationReport.Builder report, FlowRow flow) throws IOException {
        report.add(FLOWS);
        String which = "flux " + flow.flowId() + " (" + flow.partner() + "/" + flow.name() + ")";
        Path archived = data.archived(flow.archivePath());
        if (flow.sha256() == null && Files.exists(archived, LinkOption.NOFOLLOW_LINKS)) {
            // taken unread (a link, a special or oversized file: ADR 0005): there is nothing to fingerprint, and
            // a link must never be followed
            report.add(ARCHIVED);
        } else if (Files.isRegularFile(archived, LinkOption.NOFOLLOW_LINKS)) {
            String sha256 = FlowArchive.sha256Of(archived);
            if (sha256.equals(flow.sha256())) {
                report.add(ARCHIVED);
            } else {
                report.violation(ViolationCode.INV_ARCHIVE_ALTERE, which + " : l'original archivé " + archived
                        + " a pour SHA-256 " + sha256 + ", " + flow.sha256() + " enregistré à la prise");
            }
        } else if (!flow.sourceRemoved() && Files.exists(data.mailboxes().in(flow.partner(), flow.environment()).resolve(flow.name()))) {
            report.pending(TAKES_PENDING, ViolationCode.INV_FLUX_EN_ATTENTE,
                    which + " : prise interrompue, le fichier est encore dans in/ et pas encore archivé");
        } else {
            report.violation(ViolationCode.INV_ARCHIVE_ABSENT, which + " : original archivé absent (" + archived + ")");
        }
        if ("REPORTED".equals(flow.stage())) {
            Path out = data.mailboxes().out(flow.partner(), flow.environment());
            // the report the flow recorded: the detailed one, or the official CPPStatut one for a partner who asked
            // for no detailed report
            String depositReport = flow.reportPath() == null ? DepositReport.fileName(flow.flowId(), flow.name())
                    : Path.of(flow.reportPath()).getFileName().toString();
            // taken by the partner or still in out/: the journal says it was published, the folder cannot
            if (data.journaled(out, depositReport) == DataFolder.Journaled.PUBLISHED) {
                report.add(REPORTED);
            } else {
                report.violation(ViolationCode.INV_CR_ABSENT, which + " : compte rendu de dépôt jamais publié"
                        + " (absent du journal des publications : " + out.resolve(depositReport) + ")");
            }
            // an invoice flow's answer in Chorus's format is always written too (status flows answer otherwise)
            String official = FlowStatutReports.depositFileName(flow.flowId());
            if (!InterfaceSniffer.isStatusFlow(new FlowId(flow.flowId())) && !official.equals(depositReport)
                    && data.journaled(out, official) != DataFolder.Journaled.PUBLISHED) {
                report.violation(ViolationCode.INV_CR_ABSENT, which + " : compte rendu CPPStatut jamais publié"
                        + " (absent du journal des publications : " + out.resolve(official) + ")");
            }
        } else if ("PARKED".equals(flow.stage())) {
            report.pending(PARKED, ViolationCode.INV_FLUX_EN_INCIDENT, which
                    + " : un contrôle a échoué (incident) à chaque tentative ; répondu ERR_TECHNIQUE, en attente de"
                    + " `flow retry " + flow.flowId() + "`");
        } else {
            report.pending(PENDING, ViolationCode.INV_FLUX_EN_ATTENTE,
                    which + " : pas encore de compte rendu de dépôt (étape " + flow.stage() + ")");
        }
    }
}
