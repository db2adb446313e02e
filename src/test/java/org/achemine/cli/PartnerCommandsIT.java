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

    @Test
    void anOperatorEnablesAPartnerAgainListsAndRemovesItsKeysAndSetsAHashedPassword() throws Exception {
        String data = "--achemine.data-dir=" + dataDir.resolve("data");
        Path key = Files.writeString(dataDir.resolve("ope003.pub"), PARTNER_KEY + "\n");
        assertThat(run("partner", "add", "OPE003", "--name", "Opérateur C", "--role", "ISSUER", data).exitCode()).isZero();
        Run keyAdded = run("partner", "key", "add", "OPE003", key.toString(), data);
        String fingerprint = keyAdded.out().substring(keyAdded.out().indexOf("SHA256:")).split(" ")[0];

        // when it is disabled then enabled again, the list shows it active
        assertThat(run("partner", "disable", "OPE003", data).exitCode()).isZero();
        Run enabled = run("partner", "enable", "OPE003", data);
        assertThat(enabled.exitCode()).as(enabled.err()).isZero();
        assertThat(run("partner", "list", data).out()).containsPattern("OPE003 +ISSUER +ACTIVE +COMMAND +1");

        // and its keys are listed by fingerprint and comment, then one is removed
        Run keys = run("partner", "key", "list", "OPE003", data);
        assertThat(keys.exitCode()).as(keys.err()).isZero();
        assertThat(keys.out()).contains(fingerprint + "  ope002@erp").contains("1 clé(s) pour OPE003");
        Run removed = run("partner", "key", "remove", "OPE003", fingerprint, data);
        assertThat(removed.exitCode()).as(removed.err()).isZero();
        assertThat(run("partner", "key", "list", "OPE003", data).out()).contains("0 clé(s)").doesNotContain(fingerprint);
        Run again = run("partner", "key", "remove", "OPE003", fingerprint, data);
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("n'est pas enregistrée");

        // and a password read from stdin is stored as a PBKDF2 hash, never in clear; a short one is refused
        assertThat(withStdin("court\n", () -> run("partner", "password", "set", "OPE003", "--stdin", data)).err())
                .contains("au moins 12 caractères");
        Run set = withStdin("un mot de passe solide\n", () -> run("partner", "password", "set", "OPE003", "--stdin", data));
        assertThat(set.exitCode()).as(set.err()).isZero();
        try (java.sql.Connection db = java.sql.DriverManager.getConnection(
                "jdbc:h2:file:" + dataDir.resolve("data/db/achemine"), "sa", "")) {
            java.sql.ResultSet row = db.createStatement().executeQuery(
                    "SELECT password_hash FROM partner WHERE code = 'OPE003'");
            assertThat(row.next()).isTrue();
            assertThat(row.getString(1)).isNotBlank().doesNotContain("un mot de passe solide").hasSizeGreaterThan(60);
        }
        assertThat(run("partner", "password", "clear", "OPE003", data).exitCode()).isZero();
        assertThat(withStdin("un mot de passe solide\n", () -> run("partner", "password", "set", "XYZ999", "--stdin", data))
                .err()).contains("Partenaire inconnu");
    }

    @Test
    void aPartnerAddedByCommandChoosesItsDeliveryAndReportFormatsAsTheConfigurationDoes() throws Exception {
        // given the sample directory, so a recipient may serve one of its EDI structures
        String data = "--achemine.data-dir=" + dataDir.resolve("data");
        Path structures = Files.copy(Path.of("samples/directory/structures.csv"), dataDir.resolve("structures.csv"));
        Path services = Files.copy(Path.of("samples/directory/services.csv"), dataDir.resolve("services.csv"));
        Run imported = run("directory", "import", structures.toString(), services.toString(), data);
        assertThat(imported.exitCode()).as(imported.err()).isZero();

        // when a recipient whose system reads only Chorus's formats is added, written as in application.yml
        Run recipient = run("partner", "add", "COL005", "--name", "Commune de Saint-Aubin", "--role", "RECIPIENT",
                "--siret", "23992383297190", "--delivery-format", "original", "--report-formats", "cppstatut", data);
        // and an operator asking only for the detailed report, and one leaving the default
        Run detailedOnly = run("partner", "add", "OPE004", "--name", "Opérateur D", "--role", "ISSUER",
                "--report-formats", "DETAILED", data);
        Run byDefault = run("partner", "add", "OPE005", "--name", "Opérateur E", "--role", "ISSUER", data);

        // then each is added, and the list shows what each chose; the official report is never left out
        assertThat(recipient.exitCode()).as(recipient.err()).isZero();
        assertThat(detailedOnly.exitCode()).as(detailedOnly.err()).isZero();
        assertThat(byDefault.exitCode()).as(byDefault.err()).isZero();
        Run listed = run("partner", "list", data);
        assertThat(listed.exitCode()).as(listed.err()).isZero();
        assertThat(listed.out())
                .containsPattern("COL005 +RECIPIENT +ACTIVE +COMMAND[^\\n]*\\n(?: {8}[^\\n]*\\n)*? {8}formats    : "
                        + "livraison ORIGINAL ; comptes rendus CPPSTATUT\\n")
                .containsPattern("OPE004 [^\\n]*\\n {8}formats    : comptes rendus CPPSTATUT,DETAILED\\n")
                .containsPattern("OPE005 [^\\n]*\\n {8}formats    : comptes rendus CPPSTATUT,DETAILED\\n");
        // and they are stored in the database as the configuration's partners are
        try (java.sql.Connection db = java.sql.DriverManager.getConnection(
                "jdbc:h2:file:" + dataDir.resolve("data/db/achemine"), "sa", "")) {
            java.sql.ResultSet row = db.createStatement().executeQuery(
                    "SELECT delivery_format, report_formats FROM partner WHERE code = 'COL005'");
            assertThat(row.next()).isTrue();
            assertThat(row.getString(1)).isEqualTo("ORIGINAL");
            assertThat(row.getString(2)).isEqualTo("CPPSTATUT");
        }

        // and a format that does not exist is a usage error naming the choices
        Run unknown = run("partner", "add", "OPE006", "--name", "Opérateur F", "--role", "ISSUER",
                "--report-formats", "cppstatut,pdf", data);
        assertThat(unknown.exitCode()).isNotZero();
        assertThat(unknown.err()).contains("pdf").contains("CPPSTATUT").contains("DETAILED");
        assertThat(run("partner", "list", data).out()).doesNotContain("OPE006");
    }

    private static Run withStdin(String input, java.util.function.Supplier<Run> command) {
        java.io.InputStream original = System.in;
        System.setIn(new java.io.ByteArrayInputStream(input.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        try {
            return command.get();
        } finally {
            System.setIn(original);
        }
    }
}
