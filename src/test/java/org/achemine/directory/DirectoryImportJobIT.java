package org.achemine.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.achemine.directory.DirectoryImporter.ImportOutcome;
import org.achemine.testing.OwnDataFolder;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Qualifier;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest(properties = {"achemine.intake.enabled=false", "achemine.directory.watch=false"})
class DirectoryImportJobIT extends OwnDataFolder {

    private static final Path SAMPLES = Path.of("samples/directory");

    @Autowired
    DirectoryImporter importer;

    @Autowired
    PublicStructureDirectory directory;

    @Autowired
    DirectoryGenerations generations;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JobOperator jobOperator;

    @Autowired
    @Qualifier("directoryImportJob")
    Job importJob;

    @TempDir
    Path work;

    @Test
    void importsTheSampleDirectoryToleratingWhatRealExportsContain() throws Exception {
        // given the sample export: BOM, CRLF, quoted fields, a blank line, a 13-digit SIRET, a Luhn-invalid
        // SIRET, a duplicated row and a malformed row
        Path structures = copy(SAMPLES.resolve("structures.csv"));
        Path services = copy(SAMPLES.resolve("services.csv"));

        // when
        ImportOutcome outcome = importer.importFiles(structures, services);

        // then the directory is active with every good row
        assertThat(outcome.activated()).as(outcome.failure()).isTrue();
        assertThat(outcome.structures()).isEqualTo(32);
        assertThat(generations.current()).contains(outcome.generation());
        assertThat(directory.structure("27931413297545")).get()
                .satisfies(s -> {
                    assertThat(s.name()).isEqualTo("PREFECTURE DE LA MARNE");
                    assertThat(s.serviceRequired()).isTrue();
                    assertThat(s.engagementRequired()).isTrue();
                    assertThat(s.address().line2()).isEqualTo("Bâtiment A; 2e étage");
                });
        assertThat(directory.structure("20717880749457")).get()
                .extracting(PublicStructure::name).isEqualTo("LYCEE PROFESSIONNEL \"JEAN MOULIN\"");
        // the SIRET that lost its leading zero is padded back
        String padded = Files.readAllLines(structures).stream()
                .filter(l -> l.contains("AIGUES-MORTES")).findFirst().orElseThrow().split(";")[1];
        assertThat(padded).hasSize(13);
        assertThat(directory.structure("0" + padded)).isPresent();
        // a Luhn-invalid SIRET is kept, flagged
        assertThat(directory.structure("13001100000000")).get()
                .extracting(PublicStructure::checksumValid).isEqualTo(false);
        // La Poste's establishments follow their own checksum
        assertThat(directory.structure("35600000049837")).get()
                .extracting(PublicStructure::checksumValid).isEqualTo(true);
        // the duplicated row: the last one wins
        assertThat(directory.structure("22250648759988")).get()
                .extracting(s -> s.address().line1()).isEqualTo("1 place du Calvaire (nouvelle adresse)");
        // services, including an inactive one and the reserved FACTURES_PUBLIQUES
        assertThat(directory.service("27872412542590", "LABO-CHIMIE")).get()
                .extracting(PublicService::active).isEqualTo(false);
        assertThat(directory.service("26206817499042", PublicService.PUBLIC_INVOICES)).isPresent();
        assertThat(directory.service("26206817499042", "SGAMI-IMMO")).get()
                .extracting(PublicService::engagementRequired).isEqualTo(true);

        // and the report beside the input lists the malformed rows and the warnings
        List<String> report = Files.readAllLines(outcome.report(), StandardCharsets.UTF_8);
        assertThat(report).anyMatch(l -> l.startsWith("STRUCTURES;") && l.contains("REJECTED") && l.contains("peut-être"));
        assertThat(report).anyMatch(l -> l.contains("WARNING") && l.contains("13001100000000"));
        assertThat(report).anyMatch(l -> l.contains("WARNING") && l.contains("zéro initial perdu"));
        assertThat(report).anyMatch(l -> l.contains("WARNING") && l.contains("ligne en double"));
        assertThat(report).anyMatch(l -> l.startsWith("SERVICES;") && l.contains("ORPHELIN"));
        assertThat(report).anyMatch(l -> l.startsWith("SERVICES;") && l.contains("IdentifiantStructure"));
        assertThat(outcome.rejectedRows()).isEqualTo(3);
    }

    @Test
    void reimportReplacesTheWholeDirectoryAndKeepsItWhenTheNewOneIsRefused() throws Exception {
        // given an active directory
        ImportOutcome first = importer.importFiles(copy(SAMPLES.resolve("structures.csv")), copy(SAMPLES.resolve("services.csv")));
        assertThat(first.activated()).isTrue();

        // when a smaller export replaces it
        Path structures = write("small-structures.csv", """
                TypeIdentifiant;Identifiant;RaisonSociale;EmetteurEdi;RecepteurEdi;GestionStatutMiseEnPaiement;GestionEngagement;GestionService;GestionServiceEngagement;EstMOA;EstMOAUniquement;StructureActive
                1;27931413297545;PREFECTURE DE LA MARNE (renommée);true;true;true;false;false;false;false;false;true
                """);
        Path services = write("small-services.csv", """
                IdentifiantStructure;CodeService;LibelleService;EstActif;EngagementObligatoire
                27931413297545;SIDSIC;Service SIC;true;false
                """);
        ImportOutcome second = importer.importFiles(structures, services);

        // then only the new content is visible
        assertThat(second.activated()).isTrue();
        assertThat(directory.structureCount()).isEqualTo(1);
        assertThat(directory.structure("27931413297545")).get()
                .extracting(PublicStructure::name).isEqualTo("PREFECTURE DE LA MARNE (renommée)");
        assertThat(directory.structure("22250648759988")).isEmpty();

        // when an export with too many malformed rows comes next
        Path bad = write("bad-structures.csv", """
                TypeIdentifiant;Identifiant;RaisonSociale;EmetteurEdi;RecepteurEdi;GestionStatutMiseEnPaiement;GestionEngagement;GestionService;GestionServiceEngagement;EstMOA;EstMOAUniquement;StructureActive
                1;12;COMMUNE A;true;true;true;false;false;false;false;false;true
                1;23992383297190;COMMUNE B;true;true;true;false;false;false;false;false;true
                1;abc;COMMUNE C;true;true;true;false;false;false;false;false;true
                """);
        ImportOutcome refused = importer.importFiles(bad, services);

        // then it is refused and the directory in service is untouched
        assertThat(refused.activated()).isFalse();
        assertThat(refused.failure()).contains("au-delà du seuil");
        assertThat(generations.current()).contains(second.generation());
        assertThat(directory.structure("27931413297545")).isPresent();
        assertThat(directory.structure("23992383297190")).isEmpty();
    }

    @Test
    void brokenQuotingFailsTheImportWithoutTouchingTheDirectory() throws Exception {
        ImportOutcome good = importer.importFiles(copy(SAMPLES.resolve("structures.csv")), copy(SAMPLES.resolve("services.csv")));
        Path broken = write("broken-structures.csv", """
                TypeIdentifiant;Identifiant;RaisonSociale;EmetteurEdi;RecepteurEdi;GestionStatutMiseEnPaiement;GestionEngagement;GestionService;GestionServiceEngagement;EstMOA;EstMOAUniquement;StructureActive
                1;23992383297190;"COMMUNE SANS FIN DE GUILLEMET;true;true;true;false;false;false;false;false;true
                """);

        ImportOutcome outcome = importer.importFiles(broken, copy(SAMPLES.resolve("services.csv")));

        assertThat(outcome.activated()).isFalse();
        assertThat(generations.current()).contains(good.generation());
        assertThat(directory.structure("27931413297545")).isPresent();
    }

    @Test
    void fileWithoutTheExpectedColumnsIsRefusedNamingThem() throws Exception {
        Path wrong = write("wrong-structures.csv", "SIRET;Nom\n23992383297190;COMMUNE\n");

        ImportOutcome outcome = importer.importFiles(wrong, copy(SAMPLES.resolve("services.csv")));

        assertThat(outcome.activated()).isFalse();
        assertThat(outcome.failure()).contains("RaisonSociale");
    }

    @Test
    void aFailedImportRestartsWhereItStoppedAndActivatesOnce() throws Exception {
        // given an import whose services file is missing: the structures load, then the job fails
        Path structures = copy(SAMPLES.resolve("structures.csv"));
        Path services = work.resolve("late-services.csv");
        JobExecution failed = jobOperator.start(importJob, DirectoryImporter.parameters(structures, services, java.time.Clock.systemUTC()));
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(generations.current()).isNotEqualTo(java.util.Optional.of(failed.getJobInstance().getInstanceId()));

        // when the file arrives and the operator restarts the same execution
        Files.copy(SAMPLES.resolve("services.csv"), services);
        JobExecution restarted = jobOperator.restart(failed);

        // then it resumes (structures are not read again) and activates the generation
        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.getStepExecutions()).extracting(StepExecution::getStepName)
                .containsExactly("import-services", "activate-directory-generation");
        assertThat(generations.current()).contains(failed.getJobInstance().getInstanceId());
        assertThat(directory.structureCount()).isEqualTo(32);
        assertThat(directory.service("27872412542590", "DAF")).isPresent();
    }

    private Path copy(Path sample) throws Exception {
        return Files.copy(sample, work.resolve(sample.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(work.resolve(name), content, StandardCharsets.UTF_8);
    }
}
