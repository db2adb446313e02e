package org.achemine.verify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Every file in {@code archive/} (the staging area aside) is the archived original of a flow row. */
final class ArchiveHasNoOrphans implements Invariant {

    static final String FILES = "fichiers dans archive/";

    @Override
    public String name() {
        return "no orphan in the archive";
    }

    @Override
    public void check(DataFolder data, VerificationReport.Builder report) throws IOException {
        report.count(FILES);
        Path root = data.mailboxes().archiveRoot();
        if (!Files.isDirectory(root)) {
            return;
        }
        Path staging = root.resolve(".staging");
        try (Stream<Path> days = Files.walk(root)) {
            // archive/yyyy/MM/dd: the day folders, each checked one batch of files at a time
            // (a folder a partner dropped is archived as a folder inside its day: its content is not ours to check)
            List<Path> folders = days.filter(Files::isDirectory).filter(d -> !d.startsWith(staging))
                    .filter(d -> root.relativize(d).getNameCount() == 3).toList();
            for (Path folder : folders) {
                DataFolder.forEachFileBatch(folder, name -> true, files -> checkBatch(data, report, files));
            }
        }
    }

    private static void checkBatch(DataFolder data, VerificationReport.Builder report, List<Path> files) {
        report.add(FILES, files.size());
        List<String> ids = files.stream().map(f -> f.getFileName().toString()).toList();
        Map<String, String> recorded = data.rowsWithIds("SELECT flow_id, archive_path FROM flow WHERE flow_id IN (:ids)",
                        ids, (rs, i) -> Map.entry(rs.getString(1), rs.getString(2))).stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        for (Path file : files) {
            String archivePath = recorded.get(file.getFileName().toString());
            if (archivePath == null || !data.archived(archivePath).equals(file)) {
                report.violation(ViolationCode.INV_ARCHIVE_ORPHELIN, "fichier " + file
                        + " : aucun flux n'a cet original archivé");
            }
        }
    }
}
