package org.achemine.channel.as2;

import com.helger.commons.equals.EqualsImplementationRegistry;
import com.helger.commons.hashcode.HashCodeImplementationRegistry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * as2-lib is on the ph-commons 11 line, ph-ubl and phive on the 12 line (ADR 0017). Their classes live in
 * different packages, but ph-jaxb-adapter 12 still ships two service files named after ph-commons 11 interfaces
 * whose classes it no longer has; ph-commons 11 reads them when its equals and hash-code registries start, and
 * fails. {@link #prepare} starts those two registries once, before any AS2 work, through a class loader that
 * leaves out service entries naming absent classes; they are singletons, so that start is the only one.
 */
public final class As2LibraryClasspath {

    private static volatile boolean prepared;

    private As2LibraryClasspath() {
    }

    public static synchronized void prepare() {
        if (prepared) {
            return;
        }
        Thread thread = Thread.currentThread();
        ClassLoader original = thread.getContextClassLoader() != null ? thread.getContextClassLoader()
                : As2LibraryClasspath.class.getClassLoader();
        thread.setContextClassLoader(new PresentServicesOnly(original));
        try {
            HashCodeImplementationRegistry.getInstance();
            EqualsImplementationRegistry.getInstance();
            prepared = true;
        } finally {
            thread.setContextClassLoader(original);
        }
    }

    /** Hides the {@code META-INF/services} files of ph-commons 11 interfaces that name a class not there. */
    private static final class PresentServicesOnly extends ClassLoader {

        private static final String SERVICES = "META-INF/services/com.helger.commons.";

        PresentServicesOnly(ClassLoader parent) {
            super(parent);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            Enumeration<URL> all = super.getResources(name);
            if (!name.startsWith(SERVICES)) {
                return all;
            }
            List<URL> present = new ArrayList<>();
            for (URL url : Collections.list(all)) {
                if (namesOnlyPresentClasses(url)) {
                    present.add(url);
                }
            }
            return Collections.enumeration(present);
        }

        private boolean namesOnlyPresentClasses(URL services) throws IOException {
            try (InputStream in = services.openStream();
                 BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    String className = line.replaceFirst("#.*", "").trim();
                    if (className.isEmpty()) {
                        continue;
                    }
                    try {
                        Class.forName(className, false, getParent());
                    } catch (ClassNotFoundException | LinkageError absent) {
                        return false;
                    }
                }
            }
            return true;
        }
    }
}
