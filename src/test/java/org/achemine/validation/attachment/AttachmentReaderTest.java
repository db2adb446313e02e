package org.achemine.validation.attachment;

import static org.achemine.testing.AttachmentSamples.PDF;
import static org.achemine.testing.AttachmentSamples.reference;
import static org.achemine.testing.AttachmentSamples.ubl;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.achemine.testing.AttachmentSamples;
import org.junit.jupiter.api.Test;

/**
 * The reader parses a document only when a binary element's name is in its bytes: what it skips cannot hold an
 * attachment, what it reads gives the same attachments as before.
 */
class AttachmentReaderTest {

    private final AttachmentReader reader = new AttachmentReader(1_000_000);

    @Test
    void theSamplesAttachmentsAreReadWhateverTheSyntax() throws Exception {
        assertThat(reader.read(Files.readAllBytes(AttachmentSamples.UBL))).isNotEmpty()
                .allSatisfy(attachment -> assertThat(attachment.content()).isNotEmpty());
        assertThat(reader.read(Files.readAllBytes(AttachmentSamples.CII))).isNotEmpty()
                .allSatisfy(attachment -> assertThat(attachment.content()).isNotEmpty());
    }

    @Test
    void aReferenceWithoutBinaryIsNoAttachmentAndNeitherIsADocumentWithoutOne() {
        byte[] withBinary = ubl("PJ-1", reference("application/pdf", "bl.pdf", PDF));
        assertThat(reader.read(withBinary)).hasSize(1);
        String referenceOnly = new String(withBinary, StandardCharsets.UTF_8)
                .replaceAll("(?s)<cac:Attachment>.*</cac:Attachment>", "");
        assertThat(referenceOnly).contains("AdditionalDocumentReference").doesNotContain("EmbeddedDocumentBinaryObject");
        assertThat(reader.read(referenceOnly.getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void aNameIsFoundAnywhereInTheBytesEvenAtTheirVeryEnd() {
        byte[] name = "AttachmentBinaryObject".getBytes(StandardCharsets.US_ASCII);
        assertThat(AttachmentReader.mentions("<a>AttachmentBinaryObject".getBytes(StandardCharsets.US_ASCII), name))
                .isTrue();
        assertThat(AttachmentReader.mentions("AttachmentBinaryObjec".getBytes(StandardCharsets.US_ASCII), name))
                .isFalse();
        assertThat(AttachmentReader.mentions("AttachmentBinaryObjecT AttachmentBinaryObjec".getBytes(
                StandardCharsets.US_ASCII), name)).isFalse();
        assertThat(AttachmentReader.mentions(new byte[0], name)).isFalse();
    }
}
