package org.achemine.lifecycle.updates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.transform.stream.StreamSource;
import org.achemine.report.ReportSchema;
import org.achemine.report.xml.CompteRenduType;
import org.achemine.report.xml.LigneStatutType;
import org.achemine.report.xml.ObjectFactory;
import org.achemine.report.xml.ResultatLigneStatut;

/** Test helper: waits for a status flow's report in an outbox, checks it against the schema and reads it. */
final class StatusReports {

    private static final JAXBContext CONTEXT = context();

    private StatusReports() {
    }

    /** Waits until {@code count} reports for files named {@code name} are in {@code out}; returns the last one read. */
    static CompteRenduType awaitReport(Path out, String name, int count) throws Exception {
        String suffix = "_" + name + ".cr.xml";
        await().atMost(Duration.ofSeconds(60)).until(() -> reports(out, suffix).size() == count);
        Path report = reports(out, suffix).get(count - 1);
        return read(report);
    }

    static CompteRenduType read(Path report) throws Exception {
        ReportSchema.validate(report);
        return CONTEXT.createUnmarshaller().unmarshal(new StreamSource(report.toFile()), CompteRenduType.class).getValue();
    }

    /**
     * "line:code" of each refused line, "line:APPLIQUE" for the applied ones ("line:APPLIQUE code" with a
     * warning), in report order.
     */
    static List<String> outcomes(CompteRenduType report) {
        assertThat(report.getStatuts()).as("the report's Statuts block").isNotNull();
        return report.getStatuts().getLigne().stream().map(StatusReports::outcome).toList();
    }

    private static String outcome(LigneStatutType line) {
        if (line.getResultat() == ResultatLigneStatut.APPLIQUE) {
            return line.getLigne() + ":APPLIQUE" + (line.getConstat() == null ? "" : " " + line.getConstat().getCode());
        }
        return line.getLigne() + ":" + line.getConstat().getCode();
    }

    private static List<Path> reports(Path out, String suffix) throws IOException {
        if (!Files.isDirectory(out)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(out)) {
            // Flow ids grow with each flow taken: sorting by name is the order they were reported in.
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    private static JAXBContext context() {
        try {
            return JAXBContext.newInstance(ObjectFactory.class);
        } catch (JAXBException e) {
            throw new IllegalStateException(e);
        }
    }
}
