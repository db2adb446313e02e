package org.achemine.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.achemine.directory.DirectoryImporter;
import org.achemine.directory.DirectoryLookup;
import org.achemine.directory.PublicService;
import org.achemine.directory.PublicStructure;
import org.achemine.directory.PublicStructureDirectory;
import org.achemine.testing.OwnDataFolder;
import org.achemine.validation.CheckName;
import org.achemine.validation.FindingCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every routing rule against the sample directory (samples/directory/), loaded by the real import job
 * into a real H2 database. Each structure of the samples exists to trigger one rule; see
 * samples/directory/README.md.
 */
@SpringBootTest(properties = {"achemine.intake.enabled=false", "achemine.directory.watch=false"})
class RoutingRulesIT extends OwnDataFolder {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final String SUPPLIER = "73282932000074";
    private static final String BASIC = "23992383297190";           // COMMUNE DE SAINT-AUBIN-SUR-LOIRE
    private static final String SERVICE_AND_EJ = "26206817499042";  // SGAMI: service and EJ required
    private static final String EJ_REQUIRED = "29745080110833";     // CH de Valence
    private static final String SERVICE_REQUIRED = "27872412542590"; // Université de Lille-Nord
    private static final String SERVICE_OR_EJ = "23216932677144";   // Département du Lot-et-Garonne
    private static final String MOA_ONLY = "22543801985816";        // Syndicat mixte des eaux
    private static final String INACTIVE = "20254120710594";        // CC du Pays de Bray
    private static final String SERVICE_EJ = "26473761094142";      // OPH de l'Aube: service TRAVAUX needs an EJ
    private static final String PUBLIC_SUPPLIER = "27162778864816"; // DRFIP, itself a public structure

    @Autowired
    DirectoryImporter importer;

    @Autowired
    PublicStructureDirectory directory;

    @Autowired
    JdbcTemplate jdbc;

    private static RoutingRules rules;

    @BeforeEach
    void loadSampleDirectoryOnce() throws Exception {
        if (rules != null) {
            return;
        }
        Path samples = Files.createDirectories(dataDir.resolve("samples"));
        Path structures = Files.copy(Path.of("samples/directory/structures.csv"), samples.resolve("structures.csv"));
        Path services = Files.copy(Path.of("samples/directory/services.csv"), samples.resolve("services.csv"));
        assertThat(importer.importFiles(structures, services).activated()).isTrue();
        rules = new RoutingRules(directory, new DuplicateRegister() {
            @Override
            public Optional<String> acceptedBefore(RoutingRequest request) {
                return "DUPLI-1".equals(request.invoiceNumber())
                        ? Optional.of("ACH001110000000000000000042-1") : Optional.empty();
            }

            @Override
            public void integrated(RoutingRequest request) {
                // this fake knows one number only
            }
        });
    }

    @Test
    void deliversToAnActiveStructureWithoutRequirements() {
        RoutingDecision decision = decide(BASIC, null, null);

        assertThat(decision.delivered()).isTrue();
        assertThat(decision.recipientSiret()).isEqualTo(BASIC);
        assertThat(decision.refusal()).isNull();
    }

    @Test
    void unknownSiretIsRefusedAtIntegration() {
        assertRefused(decide("11122233300017", null, null), "ROUTAGE_SIRET_INCONNU", "11122233300017");
    }

    @Test
    void inactiveStructureIsRefusedAtIntegration() {
        assertRefused(decide(INACTIVE, null, null), "ROUTAGE_STRUCTURE_INACTIVE", "PAYS DE BRAY");
    }

    @Test
    void projectOwnerOnlyStructureReceivesNoInvoice() {
        assertRefused(decide(MOA_ONLY, null, null), "ROUTAGE_STRUCTURE_NON_DESTINATAIRE", MOA_ONLY);
    }

    @Test
    void missingServiceCodeWhenTheStructureManagesServicesListsTheActiveCodes() {
        RoutingDecision decision = decide(SERVICE_REQUIRED, null, null);

        assertRefused(decision, "ROUTAGE_SERVICE_ABSENT", "BT-10");
        assertThat(decision.refusal().message()).contains("DAF").doesNotContain("LABO-CHIMIE").doesNotContain("BIBLIO");
    }

    @Test
    void unknownServiceCodeIsRefusedAtIntegration() {
        assertRefused(decide(SERVICE_REQUIRED, "COMPTA", null), "ROUTAGE_SERVICE_INCONNU", "« COMPTA »");
    }

    @Test
    void inactiveServiceIsRefusedAtIntegration() {
        assertRefused(decide(SERVICE_REQUIRED, "LABO-CHIMIE", null), "ROUTAGE_SERVICE_INACTIF", "LABO-CHIMIE");
    }

    @Test
    void serviceOutsideItsDatesIsRefusedAtIntegration() {
        assertRefused(decide(SERVICE_REQUIRED, "BIBLIO", null), "ROUTAGE_SERVICE_INACTIF", "BIBLIO");
    }

    @Test
    void activeServiceIsDeliveredWithItsCode() {
        RoutingDecision decision = decide(SERVICE_REQUIRED, "DAF", null);

        assertThat(decision.delivered()).isTrue();
        assertThat(decision.serviceCode()).isEqualTo("DAF");
    }

    @Test
    void structureRequiringAnEngagementNeedsBt13() {
        assertRefused(decide(EJ_REQUIRED, null, null), "ROUTAGE_ENGAGEMENT_ABSENT", "BT-13");
        assertThat(decide(EJ_REQUIRED, null, "EJ-2026-000123").delivered()).isTrue();
    }

    @Test
    void serviceRequiringAnEngagementNeedsBt13() {
        assertRefused(decide(SERVICE_EJ, "TRAVAUX", null), "ROUTAGE_ENGAGEMENT_ABSENT", "TRAVAUX");
        assertThat(decide(SERVICE_EJ, "GESTION", null).delivered()).isTrue();
        assertThat(decide(SERVICE_EJ, "TRAVAUX", "EJ-77").delivered()).isTrue();
    }

    @Test
    void serviceAndEngagementBothRequired() {
        assertRefused(decide(SERVICE_AND_EJ, null, "EJ-1"), "ROUTAGE_SERVICE_ABSENT", "SGAMI-FIN");
        assertRefused(decide(SERVICE_AND_EJ, "SGAMI-FIN", null), "ROUTAGE_ENGAGEMENT_ABSENT", SERVICE_AND_EJ);
        assertThat(decide(SERVICE_AND_EJ, "SGAMI-FIN", "EJ-1").delivered()).isTrue();
    }

    @Test
    void serviceOrEngagementEitherIsEnough() {
        assertRefused(decide(SERVICE_OR_EJ, null, null), "ROUTAGE_SERVICE_OU_ENGAGEMENT_ABSENT", "BT-10");
        assertThat(decide(SERVICE_OR_EJ, "DGS", null).delivered()).isTrue();
        assertThat(decide(SERVICE_OR_EJ, null, "EJ-9").delivered()).isTrue();
    }

    @Test
    void reservedPublicInvoicesServiceIsRefusedForAPrivateSupplier() {
        RoutingDecision decision = decide(SERVICE_AND_EJ, "FACTURES_PUBLIQUES", "EJ-1");

        assertRefused(decision, "ROUTAGE_SERVICE_RESERVE", "FACTURES_PUBLIQUES");
        assertThat(decision.rejectionReason()).isEqualTo(RejectionReason.REJ_CONT_B2G);
    }

    @Test
    void reservedPublicInvoicesServiceIsDeliveredForAPublicSupplier() {
        RoutingRequest request = new RoutingRequest("i1", PUBLIC_SUPPLIER, "F-1", 2026, SERVICE_AND_EJ,
                "FACTURES_PUBLIQUES", "EJ-1");

        assertThat(rules.decide(request, TODAY).delivered()).isTrue();
    }

    @Test
    void sameSupplierNumberAndYearIsRejectedAsDuplicate() {
        RoutingRequest request = new RoutingRequest("i2", SUPPLIER, "DUPLI-1", 2026, BASIC, null, null);

        RoutingDecision decision = rules.decide(request, TODAY);

        assertRefused(decision, "ROUTAGE_DOUBLON", "ACH001110000000000000000042-1");
        assertThat(decision.refusal().message()).contains("DUPLI-1");
        assertThat(decision.rejectionReason()).isEqualTo(RejectionReason.DOUBLON);
    }

    @Test
    void aNumberIntegratedEarlierInTheSameRunMakesTheNextOneADuplicate() {
        // given the real register (nothing integrated in the database yet) and one routing run's rules
        RoutingRules run = new RoutingRules(directory, new JdbcDuplicateRegister(jdbc));
        RoutingRequest first = new RoutingRequest("ACH0011106000000000000000007-1", SUPPLIER, "F-RUN-1", 2026, BASIC,
                null, null);
        RoutingRequest refusedTwin = new RoutingRequest("ACH0011100000000000000000008-1", SUPPLIER, "F-RUN-2", 2026,
                "11122233300017", null, null);

        // when the first is integrated, then the same number comes again
        assertThat(run.decide(first, TODAY).delivered()).isTrue();
        RoutingDecision again = run.decide(new RoutingRequest("ACH0011100000000000000000009-1", SUPPLIER, "F-RUN-1",
                2026, BASIC, null, null), TODAY);

        // then the second is refused as a duplicate of the first; a refused number is not taken
        assertRefused(again, "ROUTAGE_DOUBLON", first.invoiceId());
        assertThat(run.decide(refusedTwin, TODAY).delivered()).isFalse();
        assertThat(run.decide(new RoutingRequest("ACH0011100000000000000000010-1", SUPPLIER, "F-RUN-2", 2026, BASIC,
                null, null), TODAY).delivered()).as("corrected resend of a refused invoice").isTrue();
    }

    @Test
    void aChunkLookedAheadIsDecidedExactlyAsOneInvoiceAtATime() {
        // given one chunk touching every rule (twice the same number: the second is a duplicate in both runs)
        String[][] cases = {{BASIC, null, null}, {"11122233300017", null, null}, {INACTIVE, null, null},
            {MOA_ONLY, null, null}, {SERVICE_REQUIRED, null, null}, {SERVICE_REQUIRED, "COMPTA", null},
            {SERVICE_REQUIRED, "LABO-CHIMIE", null}, {SERVICE_REQUIRED, "BIBLIO", null}, {SERVICE_REQUIRED, "DAF", null},
            {EJ_REQUIRED, null, null}, {EJ_REQUIRED, null, "EJ-1"}, {SERVICE_EJ, "TRAVAUX", null},
            {SERVICE_EJ, "GESTION", null}, {SERVICE_AND_EJ, null, "EJ-1"}, {SERVICE_AND_EJ, "SGAMI-FIN", "EJ-1"},
            {SERVICE_OR_EJ, null, null}, {SERVICE_OR_EJ, "DGS", null}, {SERVICE_AND_EJ, "FACTURES_PUBLIQUES", "EJ-1"},
            {BASIC, null, null}, {null, null, null}};
        List<RoutingRequest> chunk = new ArrayList<>();
        for (int n = 0; n < cases.length; n++) {
            chunk.add(new RoutingRequest("ACH0011100000000000000000" + (100 + n) + "-1", SUPPLIER,
                    n == cases.length - 2 ? "F-AHEAD-0" : "F-AHEAD-" + n, 2026, cases[n][0], cases[n][1], cases[n][2]));
        }
        RoutingRules oneByOne = new RoutingRules(directory, new JdbcDuplicateRegister(jdbc));
        RoutingRules lookedAhead = new RoutingRules(new MemoizedDirectory(directory), new JdbcDuplicateRegister(jdbc));

        // when one run asks the directory and the register for each invoice, the other for the chunk at once
        lookedAhead.lookAhead(chunk);

        // then every decision is the same, refusal and message included
        for (RoutingRequest request : chunk) {
            RoutingDecision expected = oneByOne.decide(request, TODAY);
            RoutingDecision actual = lookedAhead.decide(request, TODAY);
            assertThat(actual).as(request.toString()).isEqualTo(expected);
        }
        assertThat(chunk.stream().filter(r -> lookedAhead.decide(r, TODAY).delivered())).as("decided again: duplicates")
                .isEmpty();
        assertThat(oneByOne.decide(chunk.get(chunk.size() - 2), TODAY).refusal().code()).isEqualTo("ROUTAGE_DOUBLON");
    }

    @Test
    void aChunkLookedAheadAsksTheDirectoryNothingOneByOne() {
        // given a chunk whose decisions read services: a code required and missing (the refusal lists the open
        // codes), unknown, inactive, out of its dates, active; and recipients that never reach the services check
        String[][] cases = {{SERVICE_REQUIRED, null, null}, {SERVICE_REQUIRED, "COMPTA", null},
            {SERVICE_REQUIRED, "LABO-CHIMIE", null}, {SERVICE_REQUIRED, "BIBLIO", null}, {SERVICE_REQUIRED, "DAF", null},
            {SERVICE_AND_EJ, null, "EJ-1"}, {SERVICE_EJ, "TRAVAUX", null}, {SERVICE_OR_EJ, null, null},
            {INACTIVE, null, null}, {MOA_ONLY, null, null}, {"11122233300017", null, null}, {BASIC, null, null}};
        List<RoutingRequest> chunk = new ArrayList<>();
        for (int n = 0; n < cases.length; n++) {
            chunk.add(new RoutingRequest("ACH0011100000000000000000" + (200 + n) + "-1", SUPPLIER, "F-ONCE-" + n, 2026,
                    cases[n][0], cases[n][1], cases[n][2]));
        }
        CountedDirectory asked = new CountedDirectory(directory);
        RoutingRules lookedAhead = new RoutingRules(new MemoizedDirectory(asked), new JdbcDuplicateRegister(jdbc));
        RoutingRules oneByOne = new RoutingRules(directory, new JdbcDuplicateRegister(jdbc));

        // when the chunk is read ahead, then decided
        lookedAhead.lookAhead(chunk);
        List<RoutingDecision> decided = chunk.stream().map(r -> lookedAhead.decide(r, TODAY)).toList();

        // then the directory was asked twice for the chunk (its structures, then the services it needs) and never
        // for one invoice, and the decisions are those made one by one
        assertThat(asked.chunkQueries).isEqualTo(2);
        assertThat(asked.singleQueries).isZero();
        assertThat(decided).isEqualTo(chunk.stream().map(r -> oneByOne.decide(r, TODAY)).toList());
        assertThat(decided.get(0).refusal().code()).isEqualTo("ROUTAGE_SERVICE_ABSENT");
        assertThat(decided.get(1).refusal().code()).isEqualTo("ROUTAGE_SERVICE_INCONNU");
        assertThat(decided.get(2).refusal().code()).isEqualTo("ROUTAGE_SERVICE_INACTIF");
        // (no request of the chunk names a code for this one: its services were read for the missing code alone)
        assertThat(decided.get(5).refusal().code()).isEqualTo("ROUTAGE_SERVICE_ABSENT");
    }

    /** The real directory, counting what it is asked: one invoice's look-ups apart from a chunk's. */
    private static final class CountedDirectory implements DirectoryLookup {

        private final DirectoryLookup directory;
        int singleQueries;
        int chunkQueries;

        CountedDirectory(DirectoryLookup directory) {
            this.directory = directory;
        }

        @Override
        public Optional<PublicStructure> structure(String identifier) {
            singleQueries++;
            return directory.structure(identifier);
        }

        @Override
        public Optional<PublicService> service(String structureIdentifier, String code) {
            singleQueries++;
            return directory.service(structureIdentifier, code);
        }

        @Override
        public List<PublicService> services(String structureIdentifier) {
            singleQueries++;
            return directory.services(structureIdentifier);
        }

        @Override
        public Map<String, PublicStructure> structures(Collection<String> identifiers) {
            chunkQueries++;
            return directory.structures(identifiers);
        }

        @Override
        public Map<String, List<PublicService>> services(Collection<String> structureIdentifiers) {
            chunkQueries++;
            return directory.services(structureIdentifiers);
        }
    }

    @Test
    void everyRoutingCodeHasAReformReasonValidWith213() {
        assertThat(java.util.Arrays.stream(FindingCode.values()).filter(c -> c.source() == CheckName.ROUTING))
                .isNotEmpty()
                .allSatisfy(code -> assertThat(RejectionReason.of(code)).isIn(RejectionReason.DEST_INC,
                        RejectionReason.ADR_ERR, RejectionReason.REJ_CONT_B2G, RejectionReason.DOUBLON));
        assertThat(RejectionReason.of(FindingCode.ROUTAGE_SIRET_INCONNU)).isEqualTo(RejectionReason.DEST_INC);
        assertThat(RejectionReason.of(FindingCode.ROUTAGE_SERVICE_INCONNU)).isEqualTo(RejectionReason.ADR_ERR);
        assertThat(RejectionReason.of(FindingCode.ROUTAGE_ENGAGEMENT_ABSENT)).isEqualTo(RejectionReason.REJ_CONT_B2G);
    }

    private RoutingDecision decide(String buyer, String service, String engagement) {
        return rules.decide(new RoutingRequest("i0", SUPPLIER, "F-2026-001", 2026, buyer, service, engagement), TODAY);
    }

    private static void assertRefused(RoutingDecision decision, String code, String mentioned) {
        assertThat(decision.delivered()).isFalse();
        assertThat(decision.refusal()).satisfies(f -> {
            assertThat(f.code()).isEqualTo(code);
            assertThat(f.message()).contains(mentioned);
        });
    }
}
