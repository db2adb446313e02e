package org.achemine.channel.as2;

import java.io.File;
import com.helger.as2lib.util.AS2ResourceHelper;

/**
 * as2-lib keeps one temporary folder per JVM. An engine started earlier in the same test JVM set it to its own
 * data folder, which JUnit has removed since: a test's own AS2 client or server then needs a folder that exists.
 */
final class As2TemporaryFolder {

    private As2TemporaryFolder() {
    }

    static void ensureExists() {
        File folder = AS2ResourceHelper.getTempDir();
        if (folder != null && !folder.isDirectory()) {
            AS2ResourceHelper.setTempDir(new File(System.getProperty("java.io.tmpdir")));
        }
    }
}
