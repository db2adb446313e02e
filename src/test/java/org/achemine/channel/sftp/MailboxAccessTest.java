package org.achemine.channel.sftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.achemine.channel.sftp.MailboxAccess.Operation;
import org.junit.jupiter.api.Test;

class MailboxAccessTest {

    @Test
    void theRootAndTheTwoBoxesCanOnlyBeListed() {
        for (List<String> folder : List.of(List.<String>of(), List.of("in"), List.of("out"))) {
            assertThat(MailboxAccess.refusal(Operation.LIST, folder)).isEmpty();
            assertThat(MailboxAccess.refusal(Operation.STAT, folder)).isEmpty();
            assertThat(MailboxAccess.refusal(Operation.WRITE, folder)).isPresent();
            assertThat(MailboxAccess.refusal(Operation.DELETE, folder)).isPresent();
        }
    }

    @Test
    void filesInInMayBeUploadedRenamedReadAndDeleted() {
        List<String> file = List.of("in", "facture.xml");
        for (Operation allowed : List.of(Operation.WRITE, Operation.RENAME_FROM, Operation.RENAME_TO, Operation.READ,
                Operation.DELETE, Operation.STAT)) {
            assertThat(MailboxAccess.refusal(allowed, file)).as(allowed.name()).isEmpty();
        }
    }

    @Test
    void filesInOutMayOnlyBeReadAndDeleted() {
        List<String> file = List.of("out", "flux.cr.xml");
        assertThat(MailboxAccess.refusal(Operation.READ, file)).isEmpty();
        assertThat(MailboxAccess.refusal(Operation.DELETE, file)).isEmpty();
        assertThat(MailboxAccess.refusal(Operation.WRITE, file)).contains("out/ is read-only: read, then delete");
        assertThat(MailboxAccess.refusal(Operation.RENAME_TO, file)).isPresent();
        assertThat(MailboxAccess.refusal(Operation.RENAME_FROM, file)).isPresent();
    }

    @Test
    void nothingElseIsReachableAndNoFolderOrLinkIsMade() {
        assertThat(MailboxAccess.refusal(Operation.READ, List.of("secret.txt"))).contains("only in/ and out/ are visible");
        assertThat(MailboxAccess.refusal(Operation.LIST, List.of("COL001"))).isPresent();
        assertThat(MailboxAccess.refusal(Operation.READ, List.of("in", "sub", "x.xml"))).isPresent();
        assertThat(MailboxAccess.refusal(Operation.MAKE_FOLDER, List.of("in", "sub"))).isPresent();
        assertThat(MailboxAccess.refusal(Operation.REMOVE_FOLDER, List.of("in"))).isPresent();
        assertThat(MailboxAccess.refusal(Operation.LINK, List.of("in", "link.xml"))).contains("links are not allowed");
        assertThat(MailboxAccess.refusal(Operation.WRITE, List.of("in", "a".repeat(256)))).contains("file name refused");
        assertThat(MailboxAccess.refusal(Operation.WRITE, List.of("in", "a\\..\\b.xml"))).contains("file name refused");
    }

    @Test
    void theQualificationMailboxFollowsTheSameRules() {
        // qualif/ and its two boxes are listed; qualif/in takes uploads; qualif/out is read, then deleted
        for (List<String> folder : List.of(List.of("qualif"), List.of("qualif", "in"), List.of("qualif", "out"))) {
            assertThat(MailboxAccess.refusal(Operation.LIST, folder)).as(folder.toString()).isEmpty();
            assertThat(MailboxAccess.refusal(Operation.WRITE, folder)).as(folder.toString()).isPresent();
        }
        assertThat(MailboxAccess.refusal(Operation.WRITE, List.of("qualif", "in", "facture.xml"))).isEmpty();
        assertThat(MailboxAccess.refusal(Operation.RENAME_TO, List.of("qualif", "in", "facture.xml"))).isEmpty();
        assertThat(MailboxAccess.refusal(Operation.READ, List.of("qualif", "out", "flux.cr.xml"))).isEmpty();
        assertThat(MailboxAccess.refusal(Operation.DELETE, List.of("qualif", "out", "flux.cr.xml"))).isEmpty();
        assertThat(MailboxAccess.refusal(Operation.WRITE, List.of("qualif", "out", "flux.cr.xml")))
                .contains("out/ is read-only: read, then delete");
        assertThat(MailboxAccess.refusal(Operation.WRITE, List.of("qualif", "x.xml"))).isPresent();
        assertThat(MailboxAccess.refusal(Operation.MAKE_FOLDER, List.of("qualif", "in", "sub"))).isPresent();
        assertThat(MailboxAccess.refusal(Operation.DELETE, List.of("qualif"))).isPresent();
        assertThat(MailboxAccess.refusal(Operation.LIST, List.of("qualif", "qualif"))).isPresent();
    }
}
