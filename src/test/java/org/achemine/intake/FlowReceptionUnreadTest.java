package org.achemine.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;
import org.achemine.mailbox.Mailboxes;
import org.achemine.report.ReportSchema;
import org.achemine.testing.OwnDataFolder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The take of files it must not read (ADR 0005), called directly on a real database and data folder: a link
 * and an oversized file are moved into the archive unread and refused; a file gone before its copy is no flow.
 */
@SpringBootTest(properties = {"achemine.intake.enabled=false", "achemine.validation.max-file-size=1KB"})
class FlowReceptionUnreadTest extends OwnDataFolder {

    private static final String PARTNER = "FOU001";

    @Autowired
    Mailboxes mailboxes;

    @Autowired
    FlowReception reception;

    @Autowired
    FlowDeposit deposit;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aSymbolicLinkIsArchivedAsALinkAndRefusedWithoutItsTargetBeingRead() throws Exception {
        // given a link in in/ to a file of ours
        Path target = Files.writeString(dataDir.resolve("ours.txt"), "NOT-FOR-PARTNERS");
        Path link = Files.createSymbolicLink(mailboxes.in(PARTNER).resolve("facture.xml"), target);

        // when it is taken and answered
        ReceivedFlow flow = reception.take(PARTNER, link);
        Path report = deposit.process(flow);

        // then the link itself is in the archive, in/ is empty, and the report refuses it without the target
        assertThat(flow.sha256()).isNull();
        assertThat(Files.isSymbolicLink(flow.archivePath())).isTrue();
        assertThat(Files.readSymbolicLink(flow.archivePath())).isEqualTo(target);
        assertThat(Files.exists(link, LinkOption.NOFOLLOW_LINKS)).isFalse();
        ReportSchema.validate(report);
        assertThat(Files.readString(report)).contains("code=\"IRR_LIEN\"", "lien symbolique", "<Code>93</Code>")
                .doesNotContain("NOT-FOR-PARTNERS").doesNotContain("<Empreinte");
    }

    @Test
    void aFileOverTheSizeLimitIsMovedIntoTheArchiveNotCopied() throws Exception {
        // given a 4 KB file when the limit is 1 KB
        Path big = Files.write(mailboxes.in(PARTNER).resolve("grosse-facture.xml"), new byte[4096]);
        Object inode = Files.readAttributes(big, BasicFileAttributes.class).fileKey();

        // when it is taken and answered
        ReceivedFlow flow = reception.take(PARTNER, big);
        Path report = deposit.process(flow);

        // then the archive holds that very file (same inode: moved, never read), refused by its size
        assertThat(Files.readAttributes(flow.archivePath(), BasicFileAttributes.class).fileKey()).isEqualTo(inode);
        assertThat(jdbc.queryForObject("SELECT sha256 FROM flow WHERE flow_id = ?", String.class,
                flow.flowId().value())).isNull();
        ReportSchema.validate(report);
        assertThat(Files.readString(report)).contains("code=\"IRR_TAILLE_F\"", "4096 octets");
    }

    @Test
    void aFileGoneBeforeItsCopyBeganIsNoFlow() throws Exception {
        // given a file listed in in/ and removed by its partner before the take
        Path gone = mailboxes.in(PARTNER).resolve("reprise.xml");
        int flowsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM flow", Integer.class);

        // when its take runs
        ReceivedFlow flow = reception.take(PARTNER, gone);

        // then nothing was received: no flow, no staged copy left
        assertThat(flow).isNull();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM flow", Integer.class)).isEqualTo(flowsBefore);
        Path staging = mailboxes.archiveRoot().resolve(".staging");
        if (Files.isDirectory(staging)) {
            try (Stream<Path> left = Files.list(staging)) {
                assertThat(left).isEmpty();
            }
        }
    }
}
