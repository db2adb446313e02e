package org.achemine.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Identifiers are ASCII digits only: other scripts' digits pass Character.isDigit but match no SIRET. */
class StructureRowParserTest {

    @ParameterizedTest
    @ValueSource(strings = {"٢١٦٩٠٠١٢٦٠٠٠١٤", "２１６９００１２６０００１４", "216900126000۱4"})
    void refusesASiretWrittenWithNonAsciiDigits(String siret) {
        CsvRow row = new CsvRow(2, Map.of("identifiant", siret), true, siret);

        assertThatThrownBy(() -> StructureRowParser.siret(row, "Identifiant", new ArrayList<>()))
                .isInstanceOf(MalformedRowException.class).hasMessageContaining("0 à 9 (ASCII)");
    }

    @Test
    void keepsAnAsciiSiretAndRestoresALostLeadingZero() {
        List<String> warnings = new ArrayList<>();

        assertThat(StructureRowParser.siret(new CsvRow(2, Map.of("identifiant", "21690012600014"), true, ""),
                "Identifiant", warnings)).isEqualTo("21690012600014");
        assertThat(StructureRowParser.siret(new CsvRow(3, Map.of("identifiant", "1234567800019"), true, ""),
                "Identifiant", warnings)).isEqualTo("01234567800019");
        assertThat(warnings).hasSize(1);
    }
}
