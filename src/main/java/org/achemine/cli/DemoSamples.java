package org.achemine.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The samples shipped inside the jar (the project's {@code samples/}, hostile catalogue aside, packed as
 * {@code demo-samples/}), copied out so the demo runs from any folder.
 */
final class DemoSamples {

    private static final String PACKED = "demo-samples/";

    private DemoSamples() {
    }

    /** Copies the packed samples into {@code folder} and returns it. */
    static Path copyTo(Path folder) throws IOException {
        int copied = 0;
        for (Resource sample : new PathMatchingResourcePatternResolver().getResources("classpath*:" + PACKED + "**")) {
            String url = sample.getURL().toString();
            String relative = URLDecoder.decode(url.substring(url.lastIndexOf("/" + PACKED) + PACKED.length() + 1)
                    .replace("+", "%2B"), StandardCharsets.UTF_8);
            if (relative.isEmpty() || relative.endsWith("/") || !sample.isReadable()) {
                continue; // a folder
            }
            Path target = folder.resolve(relative).normalize();
            if (!target.startsWith(folder)) {
                continue;
            }
            Files.createDirectories(target.getParent());
            try (InputStream in = sample.getInputStream()) {
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
            copied++;
        }
        if (copied == 0) {
            throw new CommandFailure("Les exemples ne sont pas dans ce jar : indiquez leur dossier avec --samples DOSSIER"
                    + " (le dossier samples du projet)");
        }
        return folder;
    }
}
