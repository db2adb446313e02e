package org.achemine.circuit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.achemine.validation.InvoiceDocument;
import org.junit.jupiter.api.Test;

/** Where an invoice names its validator: BT-122 with BT-123 = VALIDEUR, in UBL and in CII; nothing else counts. */
class NamedValidatorTest {

    private static final String SIRET = "44306184100047";

    @Test
    void readsAWorksInvoicesMoeAndMoaEachUnderItsOwnWord() {
        InvoiceDocument both = new InvoiceDocument("a4.xml", WorksCycleIT.works("DM-1", WorksCycleIT.MOE, WorksCycleIT.MOA));
        assertThat(NamedValidator.named(both, NamedValidator.MOE)).contains(WorksCycleIT.MOE);
        assertThat(NamedValidator.named(both, NamedValidator.MOA)).contains(WorksCycleIT.MOA);
        assertThat(NamedValidator.of(both)).isEmpty();
        InvoiceDocument moeOnly = new InvoiceDocument("a4.xml", WorksCycleIT.works("DM-2", WorksCycleIT.MOE, null));
        assertThat(NamedValidator.named(moeOnly, NamedValidator.MOA)).isEmpty();
    }

    @Test
    void readsTheValidatorOfAUblInvoiceFromItsAdditionalDocumentReference() {
        assertThat(NamedValidator.of(new InvoiceDocument("a9.xml", ValidationCircuitIT.a9("ST-1", SIRET)))).contains(SIRET);
    }

    @Test
    void readsTheValidatorOfACiiInvoiceFromItsAdditionalReferencedDocument() throws Exception {
        // given the CII sample with a supporting document named VALIDEUR (type 916) after the contract reference
        String cii = Files.readString(Path.of("samples/cii/invoice-valid.xml"), StandardCharsets.UTF_8)
                .replace("    </ram:ApplicableHeaderTradeAgreement>", """
                              <ram:AdditionalReferencedDocument>
                                <ram:IssuerAssignedID> %s </ram:IssuerAssignedID>
                                <ram:TypeCode>916</ram:TypeCode>
                                <ram:Name>VALIDEUR</ram:Name>
                              </ram:AdditionalReferencedDocument>
                            </ram:ApplicableHeaderTradeAgreement>""".formatted(SIRET));

        // then its SIRET is read, trimmed
        assertThat(NamedValidator.of(new InvoiceDocument("a12.xml", cii.getBytes(StandardCharsets.UTF_8)))).contains(SIRET);
    }

    @Test
    void aSupportingDocumentWithAnotherDescriptionOrNoneNamesNoValidator() {
        // given a UBL invoice whose only supporting document is described otherwise
        String other = new String(ValidationCircuitIT.a9("ST-2", SIRET), StandardCharsets.UTF_8)
                .replace(">VALIDEUR<", ">Bon de livraison<");

        assertThat(NamedValidator.of(new InvoiceDocument("a9.xml", other.getBytes(StandardCharsets.UTF_8)))).isEmpty();
        assertThat(NamedValidator.of(new InvoiceDocument("a9.xml", ValidationCircuitIT.a9("ST-3", null)))).isEmpty();
    }

    @Test
    void aDocumentThatIsNotXmlNamesNoValidator() {
        assertThat(NamedValidator.of(new InvoiceDocument("facture.pdf", "%PDF-1.7 ...".getBytes(StandardCharsets.US_ASCII))))
                .isEmpty();
    }
}
