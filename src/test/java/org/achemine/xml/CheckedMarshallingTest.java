package org.achemine.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The validator of {@link CheckedMarshalling} leaves out checks that have nothing to check in our outbound schemas
 * ({@link CheckedMarshalling#UNUSED_BY_A_CHECK}): this keeps them so. A schema that gains an ID, a key or an entity
 * fails here, and the checks must then be turned back on for it.
 */
class CheckedMarshallingTest {

    /** Every schema an outbound file is checked against through {@link CheckedMarshalling}. */
    private static final List<String> OUTBOUND_SCHEMAS = List.of("/schemas/report/compte-rendu.xsd",
            "/schemas/chorus/CPPStatutPivot_V1_19.xsd", "/schemas/chorus/CPPFacturePivot_V2_02.xsd");
    private static final Pattern IDENTITY_OR_ENTITY = Pattern.compile(
            "<xs:(key|keyref|unique)\\b|(type|base|itemType)=\"xs:(ID|IDREF|IDREFS|ENTITY|ENTITIES)\"");
    private static final Pattern ANOTHER_SCHEMA = Pattern.compile("<xs:(import|include|redefine|override)\\b");

    @Test
    void theOutboundSchemasDeclareNoIdKeyOrEntityForTheChecksLeftOutToMiss() throws Exception {
        for (String resource : OUTBOUND_SCHEMAS) {
            String schema = text(resource);

            assertThat(schema).as(resource).contains("xmlns:xs=\"http://www.w3.org/2001/XMLSchema\"");
            assertThat(IDENTITY_OR_ENTITY.matcher(schema).find()).as(resource).isFalse();
            assertThat(ANOTHER_SCHEMA.matcher(schema).find()).as(resource + " is whole in itself").isFalse();
        }
        assertThat(CheckedMarshalling.UNUSED_BY_A_CHECK).hasSize(5)
                .allMatch(feature -> feature.startsWith("http://apache.org/xml/features/validation/"));
    }

    private static String text(String resource) throws Exception {
        try (InputStream in = CheckedMarshallingTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
