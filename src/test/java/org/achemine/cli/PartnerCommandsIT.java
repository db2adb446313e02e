package org.achemine.cli;

import static org.achemine.testing.Commands.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.achemine.testing.Commands.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code partner} and {@code sftp} commands, run as an operator would, on one data folder. */
class PartnerCommandsIT {

    // an ECDSA P-256 public key made by ssh-keygen, as a partner sends it
    private static final String PARTNER_KEY = "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBOhisSbU8osG8xNpsROqGE35TcziT/t7Lu5GYWUYfR6"
            + "UonlfHP/vfUEuuGKA+f5RrUq6v7oIrWVCB9GZEGWWa7U= ope002@erp";

    @TempDir
    Path dataDir;

    @Test
    void anOperatorAddsAPartnerGivesItAKeyDisablesItAndListsThem() throws Exception {
        String data = "--achemine.data-dir=" + dataDir.resolve("data");
        Path key = Files.writeString(dataDir.resolve("ope002.pub"), PARTNER_KEY + "\n");

        // when an operator is added with its mandates and a key
        Run added = run("partner", "add", "OPE002", "--name", "Opérateur B", "--role", "ISSUER",
                "--mandate", "81234567600025", "--mandate", "73282932000074", "--contact", "edi@ope-b.example", data);
        Run keyAdded = run("partner", "key", "add", "OPE002", key.toString(), data);

        // then both are done, and the key is named by its fingerprint
        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(keyAdded.exitCode()).as(keyAdded.err()).isZero();
        assertThat(keyAdded.out()).contains("Clé SHA256:").contains("OPE002");

        // when a recipient is added for a structure the directory does not know, it is refused with the reason
        Run refused = run("partner", "add", "COL009", "--name", "Commune X", "--role", "RECIPIENT",
                "--siret", "11122233300017", data);
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("11122233300017").contains("n'est pas dans l'annuaire");

        // when the operator is disabled, the list shows it with its mandates, beside the configured partners
        assertThat(run("partner", "disable", "OPE002", data).exitCode()).isZero();
        Run listed = run("partner", "list", data);
        assertThat(listed.exitCode()).isZero();
        assertThat(listed.out()).containsPattern("OPE002 +ISSUER +DISABLED +COMMAND +1 +Opérateur B")
                .contains("mandats    : 73282932000074 81234567600025")
                .containsPattern("COL001 +RECIPIENT +ACTIVE +CONFIG +0")
                .contains("structures : 21690012600014")
                .doesNotContain("COL009");

        // and the SFTP host key is made once: its fingerprint is the same at each call
        Run first = run("sftp", "fingerprint", data);
        Run second = run("sftp", "fingerprint", data);
        assertThat(first.exitCode()).isZero();
        assertThat(first.out()).startsWith("SHA256:").contains("ecdsa-sha2-nistp256 ").isEqualTo(second.out());
        assertThat(dataDir.resolve("data/sftp/host-key.pem")).exists();
    }
}
