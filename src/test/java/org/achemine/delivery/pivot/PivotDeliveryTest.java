package org.achemine.delivery.pivot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.achemine.validation.attachment.Attachment;
import org.achemine.validation.attachment.InvoiceAttachments;
import org.achemine.chorus.pivot.CPPFacturePivot;
import org.achemine.chorus.pivot.CPPFacturePivotUnitaire;
import org.achemine.chorus.pivot.DonneesFacture;
import org.achemine.chorus.pivot.ParametreIndiv;
import org.achemine.config.AchemineProperties.Partner;
import org.achemine.config.AchemineProperties.PartnerRole;
import org.achemine.delivery.Delivery;
import org.achemine.delivery.Resend;
import org.achemine.validation.InvoiceDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every official EN 16931 example (src/test/resources/en16931, EUPL-1.2, see NOTICE) and every sample invoice
 * maps to a CPPFacturePivot that validates against AIFE's schema, read back with the generated classes.
 */
class PivotDeliveryTest {

    private static final String INVOICE_ID = "ACH0011100000000000000123-2";
    private static final String BELLERIVE = "21690012600014";
    private static final Partner RECIPIENT = new Partner("COL001", "Commune de Bellerive", PartnerRole.RECIPIENT,
            BELLERIVE);
    // 23:30 UTC on 5 December is already 6 December in Paris: the platform's calendar dates the file.
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-05T23:30:00Z"), ZoneOffset.UTC);
    private static final LocalDate DEPOSITED_ON = LocalDate.of(2026, 12, 1);
    private static final PivotSchema SCHEMA = new PivotSchema();

    private final PivotDelivery pivot = new PivotDelivery("ACH001", CLOCK, ZoneId.of("Europe/Paris"),
            flowId -> DEPOSITED_ON, SCHEMA);

    static Stream<String> officialExamples() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/en16931"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.toLowerCase().endsWith(".xml")).sorted()
                    .toList().stream();
        }
    }

    static Stream<Path> sampleInvoices() throws IOException {
        List<Path> folders = List.of(Path.of("samples/ubl"), Path.of("samples/cii"), Path.of("samples/national/base"),
                Path.of("samples/national"));
        return folders.stream().flatMap(folder -> {
            try (Stream<Path> files = Files.list(folder)) {
                return files.filter(f -> f.toString().endsWith(".xml"))
                        // the one sample whose number the pivot cannot hold: see refusesAnInvoiceNumberOverTwenty...
                        .filter(f -> !f.getFileName().toString().equals("ko-numero-facture-long.xml"))
                        .sorted().toList().stream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Test
    void thereAreTheThirtyFourOfficialExamples() throws IOException {
        assertThat(officialExamples()).hasSize(34);
    }

    @ParameterizedTest
    @MethodSource("officialExamples")
    void mapsEachOfficialExampleToAValidPivot(String example) throws IOException {
        byte[] original;
        try (InputStream in = getClass().getResourceAsStream("/en16931/" + example)) {
            original = in.readAllBytes();
        }
        assertMapsToAValidPivotCarryingTheOriginal(example, original);
    }

    @ParameterizedTest
    @MethodSource("sampleInvoices")
    void mapsEachSampleInvoiceToAValidPivot(Path sample) throws IOException {
        assertMapsToAValidPivotCarryingTheOriginal(sample.getFileName().toString(), Files.readAllBytes(sample));
    }

    private void assertMapsToAValidPivotCarryingTheOriginal(String name, byte[] original) throws IOException {
        // when the invoice is delivered as a pivot
        byte[] xml = pivot.content(delivery(Resend.NON, 1), new InvoiceDocument(name, original));
        Files.write(Path.of("target/DEBUG-" + name), xml);

        // then what was written validates and reads back through the classes generated from the official schema
        SCHEMA.validate(xml);
        CPPFacturePivot read = SCHEMA.read(xml);
        assertThat(read.getCPPFactures().getCompteur()).isEqualTo(BigInteger.ONE);
        CPPFacturePivotUnitaire invoice = read.getCPPFactures().getCPPFacturePivotUnitaire().get(0);
        assertThat(invoice.getDebiteur().getIdentifiant()).isEqualTo(BELLERIVE);
        assertThat(invoice.getDonneesFacture().getIdCPRO()).isEqualTo(BigInteger.valueOf(123_002));
        assertThat(invoice.getDonneesFacture().getRenvoi()).isEqualTo("Non");
        assertThat(invoice.getDonneesFacture().getDateReception().toString()).isEqualTo("2026-12-01");
        assertThat(invoice.getDonneesFacture().getMontants().getMontantTTC()).isNotNull();
        // and nothing is lost: the first attachment is the supplier's document byte for byte, then each document
        // it carries (some official examples embed one) as a complementary attachment
        assertThat(invoice.getPJ().get(0).getTypePJ()).isEqualTo("01");
        assertThat(Base64.getDecoder().decode(invoice.getPJ().get(0).getContenu())).isEqualTo(original);
        List<Attachment> carried = new InvoiceAttachments(Integer.MAX_VALUE).of(original, List.of());
        assertThat(invoice.getPJ().subList(1, invoice.getPJ().size())).hasSameSizeAs(carried)
                .allSatisfy(pj -> assertThat(pj.getTypePJ()).isEqualTo("02"));
        for (int i = 0; i < carried.size(); i++) {
            assertThat(Base64.getDecoder().decode(invoice.getPJ().get(i + 1).getContenu()))
                    .isEqualTo(carried.get(i).content());
        }
    }

    @Test
    void readsTheSampleUblInvoicesTermsIntoThePivot() throws IOException {
        // given the UBL sample (FA-2026-000123 to Bellerive, service SCE-TECH-042, engagement 1300045678)
        byte[] original = Files.readAllBytes(Path.of("samples/ubl/invoice-valid.xml"));

        // when it is delivered as a pivot
        CPPFacturePivot read = SCHEMA.read(pivot.content(delivery(Resend.NON, 1),
                new InvoiceDocument("invoice-valid.xml", original)));

        // then the envelope names the flow, the day it was made (Paris) and both partners
        List<ParametreIndiv> parameters = read.getEnveloppe().getEnveloppeUnitaire().get(0).getParametres()
                .getParametreIndiv();
        assertThat(parameters).extracting(ParametreIndiv::getCode, ParametreIndiv::getValeurparametre)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("DtPrd", "2026-12-06"),
                        org.assertj.core.groups.Tuple.tuple("IdFlx", "ACH0010036000000012300200"));
        assertThat(read.getEnveloppe().getEnveloppeUnitaire().get(0).getPartenaires().getRecepteur().getId())
                .isEqualTo("COL001");
        assertThat(read.getEnveloppe().getEnveloppeUnitaire().get(0).getPartenaires().getEmetteur().getId())
                .isEqualTo("ACH001");
        // and the invoice's own terms
        CPPFacturePivotUnitaire invoice = read.getCPPFactures().getCPPFacturePivotUnitaire().get(0);
        DonneesFacture data = invoice.getDonneesFacture();
        assertThat(data.getId()).isEqualTo("FA-2026-000123");
        assertThat(data.getType()).isEqualTo("380");
        assertThat(data.getCadre()).isEqualTo("A1");
        assertThat(data.getDevise()).isEqualTo("EUR");
        assertThat(data.getEngagement().getNumeroEngagement()).isEqualTo("1300045678");
        assertThat(invoice.getDebiteur().getCodeService()).isEqualTo("SCE-TECH-042");
        assertThat(invoice.getFournisseur().getTypeIdentifiant()).isEqualTo(BigInteger.ONE);
        assertThat(invoice.getFournisseur().getCodePays()).isEqualTo("FR");
        assertThat(data.getMontants().getMontantTTC()).isEqualByComparingTo(
                data.getMontants().getMontantHT().add(data.getTVAs().getTVA().get(0).getMontantTVA()));
        assertThat(data.getLignes().getLigne()).isNotEmpty().allSatisfy(line -> {
            assertThat(line.getQuantite()).isNotNull();
            assertThat(line.getMontantHT()).isNotNull();
        });
    }

    @Test
    void aCreditNoteIsTypeAvoir() throws IOException {
        byte[] original = Files.readAllBytes(Path.of("samples/ubl/creditnote-valid.xml"));

        CPPFacturePivot read = SCHEMA.read(pivot.content(delivery(Resend.NON, 1),
                new InvoiceDocument("creditnote-valid.xml", original)));

        assertThat(read.getCPPFactures().getCPPFacturePivotUnitaire().get(0).getDonneesFacture().getType())
                .isEqualTo("381");
    }

    @ParameterizedTest
    @EnumSource(Resend.class)
    void aResendCarriesItsRenvoiAndAFlowIdOfItsOwn(Resend resend) throws IOException {
        byte[] original = Files.readAllBytes(Path.of("samples/cii/invoice-valid.xml"));

        byte[] xml = pivot.content(delivery(resend, 2), new InvoiceDocument("invoice-valid.xml", original));

        CPPFacturePivot read = SCHEMA.read(xml);
        assertThat(read.getCPPFactures().getCPPFacturePivotUnitaire().get(0).getDonneesFacture().getRenvoi())
                .isEqualTo(resend.pivotValue());
        String flowId = read.getEnveloppe().getEnveloppeUnitaire().get(0).getParametres().getParametreIndiv().get(1)
                .getValeurparametre();
        // the second completion is a flow of its own; a recycled invoice is an invoice (and id) of its own
        assertThat(flowId).isEqualTo(resend == Resend.COMPLETEE ? "ACH0010036000000012300202" : "ACH0010036000000012300200");
        assertThat(pivot.fileName(delivery(resend, 2))).isEqualTo("FEN0036A_ACH001_" + flowId + ".xml");
    }

    @Test
    void refusesAnInvoiceNumberOverTwentyCharactersRatherThanTruncateIt() throws IOException {
        // given an invoice whose number (BT-1) is longer than the pivot's Id (the national rules refuse it first)
        byte[] original = Files.readAllBytes(Path.of("samples/national/ko-numero-facture-long.xml"));

        // then no pivot is made
        assertThatThrownBy(() -> pivot.content(delivery(Resend.NON, 1),
                new InvoiceDocument("ko-numero-facture-long.xml", original)))
                .isInstanceOf(PivotMapping.UnmappableInvoiceException.class)
                .hasMessageContaining("BT-1").hasMessageContaining("20 characters");
    }

    @Test
    void neverReturnsAPivotThatBreaksTheOfficialSchema() throws IOException {
        // given a recipient partner whose code is longer than the pivot's Recepteur/Id (8 characters)
        Partner longCode = new Partner("COLLECTIVITE1", null, PartnerRole.RECIPIENT, BELLERIVE);
        byte[] original = Files.readAllBytes(Path.of("samples/ubl/invoice-valid.xml"));

        // then the pivot is refused by the schema check, not handed over to be published
        assertThatThrownBy(() -> pivot.content(new Delivery(INVOICE_ID, BELLERIVE, longCode, "invoice-valid.xml",
                Resend.NON, 1), new InvoiceDocument("invoice-valid.xml", original)))
                .isInstanceOf(PivotSchema.InvalidPivotException.class).hasMessageContaining("COLLECTIVITE1");
    }

    private static Delivery delivery(Resend resend, int occurrence) {
        return new Delivery(INVOICE_ID, BELLERIVE, RECIPIENT, "invoice-valid.xml", resend, occurrence);
    }
}
