package org.achemine.mailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.achemine.config.AchemineProperties.Partner;
import org.achemine.config.AchemineProperties.PartnerRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MailboxesTest {

    @TempDir
    Path dataDir;

    @Test
    void createsInAndOutForEveryPartnerWithArchiveAndDatabaseFolders() {
        // given two partners
        List<Partner> partners = List.of(new Partner("FOU001", "Fournisseur", PartnerRole.ISSUER, null),
                new Partner("MIN001", "Ministère", PartnerRole.RECIPIENT, "11000201100044"));

        // when the layout is created
        Mailboxes mailboxes = new Mailboxes(dataDir, partners).create();

        // then each partner has in/ and out/, and the archive and db folders exist
        assertThat(dataDir.resolve("mailboxes/FOU001/in")).isDirectory();
        assertThat(dataDir.resolve("mailboxes/FOU001/out")).isDirectory();
        assertThat(dataDir.resolve("mailboxes/MIN001/in")).isDirectory();
        assertThat(dataDir.resolve("mailboxes/MIN001/out")).isDirectory();
        assertThat(dataDir.resolve("archive")).isDirectory();
        assertThat(dataDir.resolve("db")).isDirectory();
        assertThat(mailboxes.partner("MIN001")).isPresent();
    }

    @Test
    void refusesAPartnerCodeNotOfTheFormAAA999NamingTheSetting() {
        // given a partner code with 2 letters
        List<Partner> partners = List.of(new Partner("FOU001", null, PartnerRole.ISSUER, null),
                new Partner("FO0001", null, PartnerRole.BOTH, null));

        // then the start-up stops with a message naming the setting and the expected form
        assertThatThrownBy(() -> new Mailboxes(dataDir, partners))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("achemine.partners[1].code 'FO0001'")
                .hasMessageContaining("AAA999");
    }

    @Test
    void refusesAPartnerWithoutRoleOrDeclaredTwice() {
        // then a missing role and a duplicate code are both refused clearly
        assertThatThrownBy(() -> new Mailboxes(dataDir, List.of(new Partner("FOU001", null, null, null))))
                .hasMessageContaining("role is missing");
        assertThatThrownBy(() -> new Mailboxes(dataDir, List.of(new Partner("FOU001", null, PartnerRole.ISSUER, null),
                new Partner("FOU001", null, PartnerRole.ISSUER, null))))
                .hasMessageContaining("declared twice");
    }

    @Test
    void clearsOnlyTheTemporaryFilesOfInterruptedWritesFromEveryOutbox() throws Exception {
        // given a partner outbox and a recipient (SIRET) outbox, each with a leftover temporary file and reports
        Mailboxes mailboxes = new Mailboxes(dataDir, List.of(new Partner("FOU001", null, PartnerRole.ISSUER, null)))
                .create();
        Path partnerOut = mailboxes.out("FOU001");
        Path recipientOut = Files.createDirectories(dataDir.resolve("mailboxes/21690012600014/out"));
        Files.writeString(partnerOut.resolve(".F1_a.xml.integration.xml.tmp"), "<half");
        Files.writeString(partnerOut.resolve("F1_a.xml.cr.xml"), "<cr/>");
        // and a journaled deposit report not yet renamed, which the publication journal renames at restart
        Path journaled = Files.writeString(partnerOut.resolve(".F2_b.xml.cr.xml.tmp"), "<cr/>");
        Files.writeString(recipientOut.resolve(".I1_a.xml.tmp"), "<half");
        Files.writeString(recipientOut.resolve("I1_a.xml"), "<invoice/>");
        // and a partner's own temporary file in in/, which is not ours to touch
        Files.writeString(mailboxes.in("FOU001").resolve(".upload.xml.tmp"), "<being written");

        // when the interrupted writes are cleared
        int removed = mailboxes.clearInterruptedWrites(Set.of(journaled));

        // then both temporary files of out/ are gone, the reports and in/ are untouched
        assertThat(removed).isEqualTo(2);
        assertThat(partnerOut.resolve(".F1_a.xml.integration.xml.tmp")).doesNotExist();
        assertThat(recipientOut.resolve(".I1_a.xml.tmp")).doesNotExist();
        assertThat(partnerOut.resolve("F1_a.xml.cr.xml")).exists();
        assertThat(partnerOut.resolve(".F2_b.xml.cr.xml.tmp")).as("kept for the publication journal").exists();
        assertThat(recipientOut.resolve("I1_a.xml")).exists();
        assertThat(mailboxes.in("FOU001").resolve(".upload.xml.tmp")).exists();
    }

    @Test
    void deliversToTheRecipientPartnerServingASiretElseToTheSiretsOwnMailbox() {
        // given a recipient partner connected in EDI for one public structure
        Mailboxes mailboxes = new Mailboxes(dataDir, List.of(new Partner("FOU001", null, PartnerRole.ISSUER, null),
                new Partner("COL001", "Commune de Bellerive", PartnerRole.RECIPIENT, "21690012600014")));

        // when / then its SIRET's invoices go to its out/, any other SIRET's to mailboxes/<SIRET>/out
        assertThat(mailboxes.recipientOut("21690012600014")).isEqualTo(mailboxes.out("COL001"));
        assertThat(mailboxes.recipientOut("73282932000074"))
                .isEqualTo(dataDir.toAbsolutePath().normalize().resolve("mailboxes/73282932000074/out"));
        assertThat(mailboxes.recipientPartner("21690012600014")).map(Partner::code).contains("COL001");
    }

    @Test
    void refusesARecipientPartnerWithoutASiretOrWithOneAlreadyServed() {
        assertThatThrownBy(() -> new Mailboxes(dataDir, List.of(new Partner("COL001", null, PartnerRole.RECIPIENT, null))))
                .hasMessageContaining("achemine.partners[0].siret").hasMessageContaining("not a SIRET");
        assertThatThrownBy(() -> new Mailboxes(dataDir, List.of(
                new Partner("COL001", null, PartnerRole.RECIPIENT, "21690012600014"),
                new Partner("COL002", null, PartnerRole.BOTH, "21690012600014"))))
                .hasMessageContaining("achemine.partners[1].siret 21690012600014 is already served");
    }

    @Test
    void aRecipientPartnerServesEachOfItsStructuresAndNoneIsServedTwice() {
        Partner community = new Partner("COL002", "Communauté", PartnerRole.RECIPIENT, "23992383297190",
                List.of("27991880965164", "22250648759988"), List.of(), null);
        Mailboxes mailboxes = new Mailboxes(dataDir, List.of(community));

        for (String siret : List.of("23992383297190", "27991880965164", "22250648759988")) {
            assertThat(mailboxes.recipientOut(siret)).isEqualTo(mailboxes.out("COL002"));
        }
        assertThat(mailboxes.recipientOut("21690012600014")).isEqualTo(mailboxes.out("21690012600014"));
        assertThatThrownBy(() -> new Mailboxes(dataDir, List.of(community,
                new Partner("COL003", null, PartnerRole.BOTH, "27991880965164"))))
                .hasMessageContaining("27991880965164 is already served");
    }
}
