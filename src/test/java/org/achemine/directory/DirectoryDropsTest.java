package org.achemine.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.achemine.directory.DirectoryDrops.DirectoryDrop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The directory inbox pairs files by drop, takes only the newest complete drop and never goes back in time. */
class DirectoryDropsTest {

    private static final Instant NOW = Instant.parse("2026-11-03T08:00:00Z");
    private static final Duration UNPAIRED_WAIT = Duration.ofMinutes(10);

    @TempDir
    Path data;

    Path inbox;
    final AtomicReference<String> inService = new AtomicReference<>();
    DirectoryDrops drops;

    @BeforeEach
    void inbox() throws IOException {
        inbox = Files.createDirectories(data.resolve("directory/in"));
        drops = new DirectoryDrops(inbox, Duration.ofSeconds(2), UNPAIRED_WAIT, Clock.fixed(NOW, ZoneOffset.UTC),
                () -> Optional.ofNullable(inService.get()));
    }

    @Test
    void takesTheNewestDropAndSetsTheOlderOneAsideSoItIsNeverImportedAfterwards() throws IOException {
        // given the 11-01 export and the 11-02 export both in the inbox, the 11-01 files written last
        drop("annuaire-2026-11-02-structures.csv", 30);
        drop("annuaire-2026-11-02-services.csv", 30);
        drop("annuaire-2026-11-01-structures.csv", 5);
        drop("annuaire-2026-11-01-services.csv", 5);

        // when the inbox is polled
        DirectoryDrop taken = drops.next();

        // then the 11-02 pair is taken, together
        assertThat(taken.structures().getFileName()).hasToString("annuaire-2026-11-02-structures.csv");
        assertThat(taken.services().getFileName()).hasToString("annuaire-2026-11-02-services.csv");
        assertThat(taken.folder().getParent()).isEqualTo(data.resolve("directory/work"));
        // and the 11-01 pair waits in superseded/, named in the import report with the code
        Path superseded = data.resolve("directory/superseded/20261103T080000000Z");
        assertThat(names(superseded)).containsExactly("annuaire-2026-11-01-services.csv", "annuaire-2026-11-01-structures.csv");
        assertThat(report(taken.structures())).containsExactly(
                "fichier;ligne;gravite;motif;contenu",
                "annuaire-2026-11-01-structures.csv;0;REMPLACE;ANN_DEPOT_REMPLACE Le dépôt de l'annuaire « annuaire-2026-11-01-.csv »"
                        + " est plus ancien que « annuaire-2026-11-02-.csv » : il n'a pas été importé (l'annuaire ne revient"
                        + " jamais en arrière) et a été rangé dans superseded/20261103T080000000Z/.;",
                "annuaire-2026-11-01-services.csv;0;REMPLACE;ANN_DEPOT_REMPLACE Le dépôt de l'annuaire « annuaire-2026-11-01-.csv »"
                        + " est plus ancien que « annuaire-2026-11-02-.csv » : il n'a pas été importé (l'annuaire ne revient"
                        + " jamais en arrière) et a été rangé dans superseded/20261103T080000000Z/.;");
        // and the next poll finds nothing to import
        assertThat(names(inbox)).isEmpty();
        assertThat(drops.next()).isNull();
    }

    @Test
    void anExportOlderThanTheDirectoryInServiceIsSetAsideEvenWhenDroppedLater() throws IOException {
        // given the 11-02 export is in service, and the 11-01 export is dropped afterwards
        inService.set("annuaire-2026-11-02-.csv");
        drop("annuaire-2026-11-01-structures.csv", 5);
        drop("annuaire-2026-11-01-services.csv", 5);

        // when the inbox is polled, then nothing is imported and the old export is set aside with its report
        assertThat(drops.next()).isNull();
        Path superseded = data.resolve("directory/superseded/20261103T080000000Z");
        assertThat(names(superseded)).containsExactly("annuaire-2026-11-01-services.csv",
                "annuaire-2026-11-01-structures.csv", "annuaire-2026-11-01-structures.csv.import-report.csv");
        List<String> report = report(superseded.resolve("annuaire-2026-11-01-structures.csv"));
        assertThat(report).hasSize(3).first().isEqualTo("fichier;ligne;gravite;motif;contenu");
        assertThat(report.subList(1, 3)).extracting(line -> line.substring(0, line.indexOf(";REMPLACE;")))
                .containsExactly("annuaire-2026-11-01-structures.csv;0", "annuaire-2026-11-01-services.csv;0");
        assertThat(report.subList(1, 3)).allSatisfy(line -> assertThat(line)
                .contains(";REMPLACE;ANN_DEPOT_REMPLACE Le dépôt de l'annuaire « annuaire-2026-11-01-.csv » est plus ancien"
                        + " que « annuaire-2026-11-02-.csv »"));
        assertThat(names(inbox)).isEmpty();
    }

    @Test
    void aNewerExportThanTheDirectoryInServiceIsTaken() throws IOException {
        inService.set("annuaire-2026-11-02-.csv");
        drop("annuaire-20261103T0130-structures.csv", 5);
        drop("annuaire-20261103T0130-services.csv", 5);

        assertThat(drops.next().structures().getFileName()).hasToString("annuaire-20261103T0130-structures.csv");
    }

    @Test
    void filesOfTwoDropsAreNeverPairedAndAHalfDropIsRefusedOnceItHasWaitedTooLong() throws IOException {
        // given a structures file of one drop and a services file of another, both settled for 11 minutes
        drop("export-a-structures.csv", 11 * 60);
        drop("export-b-services.csv", 11 * 60);

        // when the inbox is polled
        DirectoryDrop taken = drops.next();

        // then nothing is imported, and each file is refused into failed/ with a report naming its missing half
        assertThat(taken).isNull();
        Path failed = data.resolve("directory/failed/20261103T080000000Z-unpaired");
        assertThat(names(failed)).containsExactly("export-a-structures.csv", "export-a-structures.csv.import-report.csv",
                "export-b-services.csv", "export-b-services.csv.import-report.csv");
        assertThat(report(failed.resolve("export-a-structures.csv"))).containsExactly(
                "fichier;ligne;gravite;motif;contenu",
                "export-a-structures.csv;0;REFUS;\"ANN_IMPORT_REFUSE Import de l'annuaire refusé : le fichier"
                        + " export-a-structures.csv est arrivé seul ; son pendant export-a-services.csv n'a pas été déposé"
                        + " dans les 10 minutes qui ont suivi. L'annuaire en service est conservé ; corrigez le fichier et"
                        + " redéposez les deux fichiers.\";");
        assertThat(names(inbox)).isEmpty();
    }

    @Test
    void aNewerHalfDropWaitsForItsOtherFileWhileTheOlderCompleteDropIsTaken() throws IOException {
        // given a complete 11-01 drop, and the structures file of the 11-02 drop whose services file is not there yet
        drop("annuaire-2026-11-01-structures.csv", 60);
        drop("annuaire-2026-11-01-services.csv", 60);
        drop("annuaire-2026-11-02-structures.csv", 60);

        // when the inbox is polled, then the complete drop is taken and the half drop keeps waiting
        assertThat(drops.next().structures().getFileName()).hasToString("annuaire-2026-11-01-structures.csv");
        assertThat(names(inbox)).containsExactly("annuaire-2026-11-02-structures.csv");
        assertThat(data.resolve("directory/failed")).doesNotExist();
    }

    @Test
    void aFileStillBeingWrittenIsNotTaken() throws IOException {
        drop("structures.csv", 60);
        drop("services.csv", 1);

        assertThat(drops.next()).isNull();
        assertThat(names(inbox)).containsExactly("services.csv", "structures.csv");
    }

    @Test
    void namesTheDropAndItsDate() {
        assertThat(DirectoryDropNames.dropOf(Path.of("Annuaire-2026-11-02-Structures.csv"))).isEqualTo("annuaire-2026-11-02-.csv");
        assertThat(DirectoryDropNames.partnerName(Path.of("Annuaire-2026-11-02-Structures.csv")))
                .isEqualTo("Annuaire-2026-11-02-services.csv");
        assertThat(DirectoryDropNames.stampOf("annuaire-2026-11-02-.csv")).contains(Instant.parse("2026-11-02T00:00:00Z"));
        assertThat(DirectoryDropNames.stampOf("export_20261102T0130-.csv")).contains(Instant.parse("2026-11-02T01:30:00Z"));
        // a nano-time stamp, or digits that are no date, date nothing
        assertThat(DirectoryDropNames.stampOf("123456789012345-.csv")).isEmpty();
        assertThat(DirectoryDropNames.stampOf("lot-2026-13-45-.csv")).isEmpty();
        assertThat(DirectoryDropNames.kindOf(Path.of("structures-services.csv"))).isEmpty();
        assertThat(DirectoryDropNames.kindOf(Path.of(".structures.csv"))).isEmpty();
    }

    private void drop(String name, long secondsAgo) throws IOException {
        Path file = Files.writeString(inbox.resolve(name), "TypeIdentifiant;Identifiant\n", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(NOW.minusSeconds(secondsAgo)));
    }

    private static List<String> report(Path structures) throws IOException {
        return Files.readAllLines(DirectoryImportReport.reportFileFor(structures), StandardCharsets.UTF_8);
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
