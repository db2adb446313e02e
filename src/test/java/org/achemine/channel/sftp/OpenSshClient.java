package org.achemine.channel.sftp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * OpenSSH's own command-line {@code sftp} client (Debian openssh-client), in batch mode, with a partner's key,
 * checking the server's host key strictly against the one the engine published: what a partner runs.
 */
final class OpenSshClient {

    /** What a batch did: the client's exit code and everything it printed. */
    record Result(int exitCode, String output) {
    }

    private final Path key;
    private final Path knownHosts;
    private final int port;
    private final Path workDir;

    private OpenSshClient(Path key, Path knownHosts, int port, Path workDir) {
        this.key = key;
        this.knownHosts = knownHosts;
        this.port = port;
        this.workDir = workDir;
    }

    /** A new key pair (ECDSA P-256) made by ssh-keygen in {@code folder}; returns the private key's path. */
    static Path newKey(Path folder, String name) {
        Path key = folder.resolve(name);
        run(folder, List.of("ssh-keygen", "-q", "-t", "ecdsa", "-b", "256", "-N", "", "-C", name, "-f", key.toString()));
        return key;
    }

    static String publicKeyLine(Path key) {
        try {
            return Files.readString(Path.of(key + ".pub"), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A client trusting only {@code hostKeyLine} (the engine's {@code sftp fingerprint} line) for this port. */
    static OpenSshClient of(Path key, String hostKeyLine, int port, Path workDir) {
        try {
            Path knownHosts = workDir.resolve("known_hosts-" + port);
            Files.writeString(knownHosts, "[127.0.0.1]:" + port + " " + hostKeyLine + "\n");
            return new OpenSshClient(key, knownHosts, port, workDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Result batch(String account, String... commands) {
        try {
            Path batch = Files.createTempFile(workDir, "batch", ".txt");
            Files.writeString(batch, String.join("\n", commands) + "\n");
            return run(workDir, List.of("sftp", "-F", "/dev/null", "-b", batch.toString(), "-i", key.toString(),
                    "-P", Integer.toString(port),
                    "-o", "StrictHostKeyChecking=yes", "-o", "UserKnownHostsFile=" + knownHosts,
                    "-o", "GlobalKnownHostsFile=/dev/null", "-o", "IdentitiesOnly=yes", "-o", "IdentityAgent=none",
                    "-o", "BatchMode=yes", "-o", "PasswordAuthentication=no", "-o", "ConnectTimeout=20",
                    account + "@127.0.0.1"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Result run(Path dir, List<String> command) {
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(command.get(0) + " did not end");
            }
            return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
