package org.achemine.delivery.pivot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.achemine.chorus.pivot.CPPFacturePivot;
import org.achemine.chorus.pivot.CPPFacturePivotUnitaire;
import org.junit.jupiter.api.Test;

/** Our copy of AIFE's CPPFacturePivot_V2_02.xsd and the classes generated from it, on AIFE's published sample. */
class PivotSchemaTest {

    private final PivotSchema schema = new PivotSchema();

    @Test
    void thePublishedSampleValidatesAgainstOurCopyAndRoundTripsThroughTheGeneratedClasses() throws IOException {
        // given the sample AIFE published (four invoices, PDF attachments, a validation cycle)
        byte[] sample = sample();
        schema.validate(sample);

        // when it is read into the generated classes and written again
        CPPFacturePivot read = schema.read(sample);
        byte[] written = schema.write(read);

        // then what we wrote validates and says the same
        CPPFacturePivot again = schema.read(written);
        assertThat(again.getCPPFactures().getCompteur()).isEqualTo(read.getCPPFactures().getCompteur());
        assertThat(again.getCPPFactures().getCPPFacturePivotUnitaire()).hasSize(4);
        CPPFacturePivotUnitaire first = again.getCPPFactures().getCPPFacturePivotUnitaire().get(0);
        assertThat(first.getDonneesFacture().getId()).isEqualTo("AVA20150923");
        assertThat(first.getDebiteur().getIdentifiant()).isEqualTo("21930053000017");
        assertThat(first.getPJ()).hasSize(2);
        assertThat(first.getPJ().get(0).getContenu())
                .isEqualTo(read.getCPPFactures().getCPPFacturePivotUnitaire().get(0).getPJ().get(0).getContenu());
        assertThat(again.getEnveloppe().getEnveloppeUnitaire().get(0).getParametres().getParametreIndiv().get(1)
                .getValeurparametre()).isEqualTo("CPP0020036000000000000004");
    }

    @Test
    void refusesAPivotThatBreaksTheSchema() throws IOException {
        // given the sample with an invoice number longer than the pivot's 20 characters
        String broken = new String(sample(), StandardCharsets.UTF_8)
                .replace("<Id>AVA20150923</Id>", "<Id>AVA20150923-BEYOND-TWENTY</Id>");

        assertThatThrownBy(() -> schema.validate(broken.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(PivotSchema.InvalidPivotException.class)
                .hasMessageContaining("CPPFacturePivot_V2_02.xsd");
    }

    private static byte[] sample() throws IOException {
        try (InputStream in = PivotSchemaTest.class.getResourceAsStream("/chorus/CPPFichierFormatPivot-sample.xml")) {
            return in.readAllBytes();
        }
    }
}
