package org.achemine.lifecycle.updates;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.Marshaller;
import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.datatype.DatatypeFactory;
import org.achemine.chorus.statut.CPPFactureStatutUnitaire;
import org.achemine.chorus.statut.CPPFactureStatuts;
import org.achemine.chorus.statut.CPPStatut;
import org.achemine.chorus.statut.Debiteur;
import org.achemine.chorus.statut.Emetteur;
import org.achemine.chorus.statut.Enveloppe;
import org.achemine.chorus.statut.EnveloppeUnitaire;
import org.achemine.chorus.statut.Fournisseur;
import org.achemine.chorus.statut.ParametreIndiv;
import org.achemine.chorus.statut.Parametres;
import org.achemine.chorus.statut.Partenaires;
import org.achemine.chorus.statut.Producteur;
import org.achemine.chorus.statut.Recepteur;
import org.achemine.testing.CppStatutFiles;
import org.achemine.testing.CppStatutFiles.Unit;
import org.achemine.validation.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CppStatutStatusFileTest {

    private static final CppStatutStatusFile READER = new CppStatutStatusFile();
    private static final Path SAMPLE = Path.of("samples/status/statuts-comptabilite.xml");
    private static final String BELLERIVE = "21690012600014";

    @TempDir
    Path dir;

    @Test
    void readsEachStatusUpdateOfTheSampleWithItsLineOrderNumberAndFields() throws Exception {
        StatusFile file = read(Files.readString(SAMPLE));

        assertThat(file.fileFindings()).isEmpty();
        assertThat(file.lines()).extracting(RawStatusLine::lineNumber).containsExactly(18, 30);
        assertThat(file.lines().get(0)).satisfies(line -> {
            assertThat(line.numOrdre()).isEqualTo(1);
            assertThat(line.invoiceId()).isNull();
            assertThat(line.supplierId()).isEqualTo("81234567600025");
            assertThat(line.debtorSiret()).isEqualTo(BELLERIVE);
            assertThat(line.invoiceNumber()).isEqualTo("AV-2026-000007");
            assertThat(line.invoiceDate()).isEqualTo("2026-11-16");
            assertThat(line.status()).isEqualTo("07");
            assertThat(line.dateTime()).isEqualTo("2026-11-25T11:00:00+01:00");
            assertThat(line.comment()).isEqualTo("Avoir contrôlé");
            assertThat(line.producerId()).isEqualTo(BELLERIVE);
            assertThat(line.producer()).isNull();
            assertThat(line.mandateId()).isNull();
        });
        assertThat(file.lines().get(1)).satisfies(line -> {
            assertThat(line.numOrdre()).isEqualTo(2);
            assertThat(line.status()).isEqualTo("10");
            assertThat(line.producerId()).isEqualTo("COL001");
            assertThat(line.mandateId()).isEqualTo("M-2026-004512");
        });
    }

    @Test
    void readsTheReasonFromComplementStatut() throws Exception {
        StatusFile file = read(CppStatutFiles.file("COL001", List.of(
                Unit.of(BELLERIVE, "FA-1", "06", "2026-11-24T10:00:00+01:00", null)
                        .withReason("JUSTIFICATIF_ABSENT", "Bon de livraison manquant"))));

        assertThat(file.lines()).singleElement().satisfies(line -> {
            assertThat(line.lineNumber()).isEqualTo(CppStatutFiles.lineOf(1));
            assertThat(line.reason()).isEqualTo("JUSTIFICATIF_ABSENT");
            assertThat(line.comment()).isEqualTo("Bon de livraison manquant");
        });
    }

    @Test
    void rejectsAFileThatBreaksTheOfficialSchemaWithEveryErrorAndItsLineAndColumn() throws Exception {
        String xml = Files.readString(SAMPLE, StandardCharsets.UTF_8)
                .replace("<IdStatut>07</IdStatut>", "<IdStatut>SF</IdStatut>")
                .replace("<Horodatage>2026-11-25T17:30:00+01:00</Horodatage>", "");

        StatusFile file = read(xml);

        assertThat(file.rejected()).isTrue();
        assertThat(file.lines()).isEmpty();
        assertThat(file.fileFindings()).extracting(Finding::code).containsOnly("XSD_INVALIDE");
        assertThat(file.fileFindings()).extracting(f -> f.location().line()).containsExactly(22, 22, 36);
        assertThat(file.fileFindings()).allSatisfy(f -> assertThat(f.location().column()).isPositive());
        assertThat(file.fileFindings().get(0).message()).contains("CPPStatutPivot_V1_19.xsd").contains("SF");
    }

    @Test
    void refusesADoctypeBeforeReadingIt() throws Exception {
        String xml = Files.readString(SAMPLE, StandardCharsets.UTF_8).replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>");

        assertThat(read(xml).fileFindings()).extracting(Finding::code).containsExactly("IRR_DTD");
    }

    @Test
    void rejectsAFileThatIsNotWellFormedWithTheLineWhereItBreaks() throws Exception {
        String xml = Files.readString(SAMPLE, StandardCharsets.UTF_8).replace("</Enveloppe>", "</Envelope>");

        StatusFile file = read(xml);

        assertThat(file.fileFindings()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("IRR_SYNTAX");
            assertThat(f.location().line()).isEqualTo(16);
        });
    }

    @Test
    void refusesAFileNotInUtf8AndOneDeclaringAnotherEncoding() throws Exception {
        byte[] latin1 = Files.readString(SAMPLE, StandardCharsets.UTF_8).getBytes(StandardCharsets.ISO_8859_1);
        String declared = Files.readString(SAMPLE, StandardCharsets.UTF_8).replace("encoding=\"UTF-8\"",
                "encoding=\"ISO-8859-1\"");

        StatusFile notUtf8 = READER.read("statuts.xml", () -> new ByteArrayInputStream(latin1), 10);
        StatusFile otherEncoding = read(declared);

        assertThat(notUtf8.fileFindings()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("IRR_ENCODAGE");
            assertThat(f.location().line()).isEqualTo(3); // the first accented letter: « Comptabilisée »
        });
        assertThat(otherEncoding.fileFindings()).extracting(Finding::code).containsExactly("IRR_ENCODAGE");
        assertThat(otherEncoding.fileFindings().get(0).message()).contains("ISO-8859-1");
    }

    @Test
    void refusesFlowStatusesWhichOnlyThePlatformIssues() throws Exception {
        String flowStatuses = """
                <?xml version="1.0" encoding="UTF-8"?>
                <CPPStatut Version="V1_19">
                  <Enveloppe><EnveloppeUnitaire>
                    <Parametres>
                      <ParametreIndiv><Code>DtPrd</Code><Valeurparametre>2026-11-24</Valeurparametre></ParametreIndiv>
                      <ParametreIndiv><Code>IdFlx</Code><Valeurparametre>X-1</Valeurparametre></ParametreIndiv>
                    </Parametres>
                    <Partenaires><Recepteur><Id>ACH001</Id></Recepteur><Emetteur><Id>COL001</Id></Emetteur></Partenaires>
                  </EnveloppeUnitaire></Enveloppe>
                  <CPPFluxStatuts compteur="1">
                    <CPPFluxStatutUnitaire NumOrdre="1"><DonneesStatut><IdStatut>90</IdStatut>
                      <Horodatage>2026-11-24T10:00:00+01:00</Horodatage><IdFlux>X-1</IdFlux></DonneesStatut>
                    </CPPFluxStatutUnitaire>
                  </CPPFluxStatuts>
                </CPPStatut>
                """;

        StatusFile file = read(flowStatuses);

        assertThat(file.rejected()).isTrue();
        assertThat(file.fileFindings()).extracting(Finding::code).containsExactly("STA_STATUTS_DE_FLUX");
    }

    @Test
    void refusesAHugeAttributeAsAStructureLimitWithoutKeepingIt() throws Exception {
        String xml = CppStatutFiles.file("COL001", List.of(
                Unit.of(BELLERIVE, "FA-1", "07", "2026-11-24T10:00:00+01:00", "X".repeat(20_000))));

        StatusFile file = read(xml);

        assertThat(file.fileFindings()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("IRR_LIMITE_XML");
            assertThat(f.message()).contains("Id").contains("Producteur").contains("20000");
        });
    }

    @Test
    void readsTwoHundredThousandStatusesInOneStreamedPassAndRefusesThemPastTheLimitWithoutKeepingThem()
            throws Exception {
        // given a CPPStatut file of 200,000 statuses (about 80 MB), written to disk as it is generated
        int statuses = 200_000;
        Path big = dir.resolve("statuts-200000.xml");
        try (BufferedWriter out = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
            out.write(CppStatutFiles.header("COL001", statuses));
            for (int i = 1; i <= statuses; i++) {
                out.write(CppStatutFiles.unit(i, Unit.of(BELLERIVE, "FA-" + i, "07", "2026-11-24T10:00:00+01:00",
                        "COL001")));
            }
            out.write(CppStatutFiles.footer());
        }

        // when it is read with a limit of 1,000 statuses, and again with a limit that takes them all
        StatusFile limited = READER.read("statuts.xml", () -> Files.newInputStream(big), 1_000);
        StatusFile whole = READER.read("statuts.xml", () -> Files.newInputStream(big), statuses);

        // then the limited read counts every status, keeps none and refuses the file
        assertThat(limited.rejected()).isTrue();
        assertThat(limited.lines()).isEmpty();
        assertThat(limited.fileFindings()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("STA_TROP_DE_LIGNES");
            assertThat(f.message()).contains("200000").contains("1000");
        });
        // and the whole read keeps each one with the line it starts on, in file order
        assertThat(whole.fileFindings()).isEmpty();
        assertThat(whole.lines()).hasSize(statuses);
        assertThat(whole.lines().get(statuses - 1)).satisfies(last -> {
            assertThat(last.lineNumber()).isEqualTo(CppStatutFiles.lineOf(statuses));
            assertThat(last.numOrdre()).isEqualTo(statuses);
            assertThat(last.invoiceNumber()).isEqualTo("FA-" + statuses);
        });
    }

    @Test
    void readsBackWhatTheLifecycleFlowToSuppliersCarriesWrittenWithTheGeneratedClasses() throws Exception {
        // given a CPPFactureStatuts built with the JAXB classes of the official schema, filled as the lifecycle
        // flow fills it (IdStatut on two digits, the reason in ComplementStatut)
        CPPFactureStatutUnitaire unit = new CPPFactureStatutUnitaire();
        unit.setNumOrdre(BigInteger.ONE);
        Fournisseur supplier = new Fournisseur();
        supplier.setTypeIdentifiant(BigInteger.ONE);
        supplier.setIdentifiant("81234567600025");
        supplier.setRaisonSociale("Ateliers Numériques du Rhône SAS");
        unit.setFournisseur(supplier);
        Debiteur debtor = new Debiteur();
        debtor.setTypeIdentifiant(BigInteger.ONE);
        debtor.setIdentifiant(BELLERIVE);
        debtor.setCodeService("SCE-TECH-042");
        unit.setDebiteur(debtor);
        CPPFactureStatutUnitaire.DonneesStatut data = new CPPFactureStatutUnitaire.DonneesStatut();
        data.setIdStatut("06");
        data.setComplementStatut("JUSTIFICATIF_ABSENT");
        data.setCommentaire("Bon de livraison manquant");
        DatatypeFactory types = DatatypeFactory.newInstance();
        data.setHorodatage(types.newXMLGregorianCalendar("2026-11-24T09:00:00.000Z"));
        Producteur producer = new Producteur();
        producer.setId("ACH001");
        data.setProducteur(producer);
        data.setIdFacture("FA-2026-000124");
        data.setDateFacture(types.newXMLGregorianCalendar("2026-11-05"));
        data.setIdMandatDP("M-2026-004512");
        unit.setDonneesStatut(data);
        CPPFactureStatuts statuses = new CPPFactureStatuts();
        statuses.setCompteur(BigInteger.ONE);
        statuses.getCPPFactureStatutUnitaire().add(unit);
        CPPStatut document = new CPPStatut();
        document.setVersion("V1_19");
        document.setEnveloppe(envelope("ACH001", "FOU001"));
        document.setCPPFactureStatuts(statuses);
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        Marshaller marshaller = JAXBContext.newInstance(CPPStatut.class).createMarshaller();
        marshaller.setProperty(Marshaller.JAXB_FORMATTED_OUTPUT, true);
        marshaller.marshal(document, written);

        // when it is read as a status file
        StatusFile file = READER.read("cycle-de-vie.xml", () -> new ByteArrayInputStream(written.toByteArray()), 10);

        // then it is valid and every field comes back as written, the status as its two-digit code
        assertThat(file.fileFindings()).isEmpty();
        assertThat(file.lines()).singleElement().satisfies(line -> {
            assertThat(line.numOrdre()).isEqualTo(1);
            assertThat(line.status()).isEqualTo("06");
            assertThat(line.reason()).isEqualTo("JUSTIFICATIF_ABSENT");
            assertThat(line.comment()).isEqualTo("Bon de livraison manquant");
            assertThat(line.dateTime()).isEqualTo("2026-11-24T09:00:00.000Z");
            assertThat(line.producerId()).isEqualTo("ACH001");
            assertThat(line.supplierId()).isEqualTo("81234567600025");
            assertThat(line.debtorSiret()).isEqualTo(BELLERIVE);
            assertThat(line.invoiceNumber()).isEqualTo("FA-2026-000124");
            assertThat(line.invoiceDate()).isEqualTo("2026-11-05");
            assertThat(line.mandateId()).isEqualTo("M-2026-004512");
        });
    }

    private static Enveloppe envelope(String from, String to) {
        Parametres parameters = new Parametres();
        for (String[] parameter : List.of(new String[] {"DtPrd", "2026-11-24"}, new String[] {"IdFlx", "ACH0011200000000000000001"})) {
            ParametreIndiv one = new ParametreIndiv();
            one.setCode(parameter[0]);
            one.setValeurparametre(parameter[1]);
            parameters.getParametreIndiv().add(one);
        }
        Partenaires partners = new Partenaires();
        Emetteur emitter = new Emetteur();
        emitter.setId(from);
        Recepteur receiver = new Recepteur();
        receiver.setId(to);
        partners.setEmetteur(emitter);
        partners.setRecepteur(receiver);
        EnveloppeUnitaire unit = new EnveloppeUnitaire();
        unit.setParametres(parameters);
        unit.setPartenaires(partners);
        Enveloppe envelope = new Enveloppe();
        envelope.getEnveloppeUnitaire().add(unit);
        return envelope;
    }

    private StatusFile read(String xml) throws Exception {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        return READER.read("statuts.xml", () -> new ByteArrayInputStream(bytes), 1_000);
    }
}
