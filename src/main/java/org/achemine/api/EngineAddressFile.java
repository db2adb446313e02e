package org.achemine.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.achemine.archive.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Writes the engine's address and a fresh token into the data folder once its HTTP port is open, and removes
 * them when it stops; a file a crash left behind is found not to answer by the commands.
 */
public class EngineAddressFile implements ApplicationListener<WebServerInitializedEvent>, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(EngineAddressFile.class);

    private final Path dataFolder;
    private final Path file;
    private final String bindAddress;
    private final String token;

    /** @param file where: {@link EngineAddress#file(Path)}, or one file per engine when several share the folder */
    public EngineAddressFile(Path dataFolder, Path file, String bindAddress) {
        this.dataFolder = dataFolder;
        this.file = file;
        this.bindAddress = bindAddress;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.token = HexFormat.of().formatHex(secret);
    }

    /** The token the query commands present (bearer): a viewer's rights. */
    public String token() {
        return token;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        // an engine bound to every interface is still reached on the loopback by a command on the same machine
        String host = bindAddress == null || bindAddress.isBlank() || bindAddress.equals("0.0.0.0")
                ? "127.0.0.1" : bindAddress;
        EngineAddress address = new EngineAddress(host, event.getWebServer().getPort(), token);
        Path temp = dataFolder.resolve("." + file.getFileName() + ".tmp");
        try {
            Files.deleteIfExists(temp);
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            AtomicFiles.write(temp, file, address.asProperties().getBytes(StandardCharsets.UTF_8));
        } catch (IOException | UnsupportedOperationException e) {
            throw new IllegalStateException("Cannot write " + file, e);
        }
        LOG.info("Read API and console on http://{}:{} (address in {})", host, address.port(), file);
    }

    @Override
    public void destroy() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
