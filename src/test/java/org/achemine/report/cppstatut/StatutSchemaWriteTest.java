package org.achemine.report.cppstatut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.achemine.chorus.statut.CPPStatut;
import org.achemine.xml.OfficialSchema;
import org.junit.jupiter.api.Test;

/**
 * A CPPStatut is written only once it validates (checked by marshalling into a validator kept per thread, then
 * written): the bytes are those of a plain marshal, they validate, and an invalid tree leaves the thread's
 * validator usable for the next one.
 */
class StatutSchemaWriteTest {

    private final StatutSchema schema = new StatutSchema();
    private final FluxStatutWriter writer = new FluxStatutWriter(schema);

    @Test
    void aValidReportIsWrittenAsAPlainMarshalWouldWriteIt() throws Exception {
        CPPStatut statut = writer.build(report("ACH0011100202612070000001", "FOU001"));

        byte[] written = schema.write(statut);

        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        new OfficialSchema<>(CPPStatut.class, StatutSchema.RESOURCE).marshaller(false).marshal(statut, plain);
        assertThat(written).isEqualTo(plain.toByteArray());
        schema.validate(written);
        assertThat(new String(written, StandardCharsets.UTF_8)).contains("<IdFlux>ACH0011100202612070000001</IdFlux>");
    }

    @Test
    void anInvalidReportIsRefusedAndTheNextOneOnTheSameThreadIsWritten() throws Exception {
        CPPStatut invalid = writer.build(report("ACH0011100202612070000002", "FOU001"));
        invalid.setEnveloppe(null); // required by the schema

        assertThatThrownBy(() -> schema.write(invalid)).isInstanceOf(StatutSchema.InvalidStatutException.class)
                .hasMessageContaining("CPPStatutPivot_V1_19.xsd");

        byte[] next = schema.write(writer.build(report("ACH0011100202612070000003", "FOU001")));
        schema.validate(next);
    }

    @Test
    void threadsWritingAtOnceEachWriteTheirOwnValidReports() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> written = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String flowId = String.format("ACH001110020261207%07d", i);
                boolean broken = i % 7 == 0;
                written.add(threads.submit(() -> {
                    CPPStatut statut = writer.build(report(flowId, "FOU001"));
                    if (broken) {
                        statut.setEnveloppe(null);
                        assertThatThrownBy(() -> schema.write(statut))
                                .isInstanceOf(StatutSchema.InvalidStatutException.class);
                        return null;
                    }
                    return schema.write(statut);
                }));
            }
            for (int i = 0; i < written.size(); i++) {
                byte[] xml = written.get(i).get(60, TimeUnit.SECONDS);
                if (i % 7 != 0) {
                    schema.validate(xml);
                    assertThat(new String(xml, StandardCharsets.UTF_8))
                            .contains(String.format("<IdFlux>ACH001110020261207%07d</IdFlux>", i));
                }
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static FluxStatut report(String flowId, String partner) {
        return new FluxStatut("FSO1100A", "ACH001", partner, flowId, FluxStatutCode.values()[0], "IN_INTEGRE",
                "Flux f.xml : 1 facture(s), 1 acceptée(s), 0 refusée(s)", Instant.parse("2026-12-07T03:00:00Z"),
                List.of(new FluxStatut.ErrorLine(1, "en16931:warning", "BR-CL-10", "libellé", "ligne 3")));
    }
}
