package org.achemine.cli;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.CodeSource;

/** Where the running achemine.jar is, as the user would type it: for the commands the demo suggests. */
final class JarLocation {

    private static final String DEFAULT = "achemine.jar";

    private JarLocation() {
    }

    /** The jar's path relative to the working folder when it is under it, else absolute; "achemine.jar" outside a jar. */
    static String ofRunningCommand() {
        CodeSource source = JarLocation.class.getProtectionDomain().getCodeSource();
        if (source == null) {
            return DEFAULT;
        }
        // Spring Boot's nested URL: nested:/srv/achemine.jar/!BOOT-INF/classes/!/
        String location = source.getLocation().toString();
        int end = location.indexOf(".jar");
        if (end < 0) {
            return DEFAULT;
        }
        String path = URLDecoder.decode(location.substring(0, end + ".jar".length())
                .replaceFirst("^(jar:)?(nested:|file:)+", "").replace("+", "%2B"), StandardCharsets.UTF_8);
        Path jar = Path.of(path).toAbsolutePath().normalize();
        Path here = Path.of("").toAbsolutePath();
        return jar.startsWith(here) ? here.relativize(jar).toString() : jar.toString();
    }
}
