package org.achemine.intake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.achemine.validation.Syntax;
import org.achemine.validation.admissibility.FileAdmissibilityCheck;
import org.achemine.xml.HardenedXml;

/**
 * Guesses a flow's 4-digit interface number at take time, cheaply (it goes into the flow id before
 * validation runs): the root element of an XML file read with the hardened StAX parser from at most its
 * first {@value #HEAD_SIZE} bytes, or the extension for a batch archive. Validation decides the real
 * syntax later; the CR reports that one.
 * <ul>
 *   <li>{@code 1100} UBL 2.1 Invoice or CreditNote (FSO1100A), {@code 1106} CII D16B (FSO1106A);</li>
 *   <li>{@value #BATCH} a .zip or .tar.gz batch of invoices (ours: Chorus gives batches no number of their own);</li>
 *   <li>{@value #UNRECOGNISED} anything else (not XML, unknown root, hostile or broken XML).</li>
 * </ul>
 */
public final class InterfaceSniffer {

    public static final String BATCH = "1190";
    public static final String UNRECOGNISED = "1199";
    static final int HEAD_SIZE = 64 * 1024;

    public String interfaceNumber(String fileName, Path content) {
        switch (FileAdmissibilityCheck.kindOf(fileName)) {
            case ZIP, TAR_GZ:
                return BATCH;
            case XML:
                return rootSyntax(content).map(Syntax::interfaceNumber).orElse(UNRECOGNISED);
            default:
                return UNRECOGNISED;
        }
    }

    private static Optional<Syntax> rootSyntax(Path content) {
        try (InputStream head = new LimitedInputStream(Files.newInputStream(content), HEAD_SIZE)) {
            XMLStreamReader reader = HardenedXml.xmlInputFactory().createXMLStreamReader(head);
            try {
                while (reader.hasNext()) {
                    if (reader.next() == XMLStreamReader.START_ELEMENT) {
                        return Syntax.of(reader.getNamespaceURI(), reader.getLocalName());
                    }
                }
                return Optional.empty();
            } finally {
                reader.close();
            }
        } catch (IOException | XMLStreamException | RuntimeException unreadable) {
            return Optional.empty(); // validation reports exactly what is wrong with it
        }
    }

    /** Reads at most {@code limit} bytes, so a huge single-line prolog cannot make the sniff expensive. */
    private static final class LimitedInputStream extends java.io.FilterInputStream {
        private long remaining;

        LimitedInputStream(InputStream in, long limit) {
            super(in);
            this.remaining = limit;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = super.read(buffer, offset, (int) Math.min(length, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }
    }
}
