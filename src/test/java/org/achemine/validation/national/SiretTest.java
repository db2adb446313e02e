package org.achemine.validation.national;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SiretTest {

    @Test
    void acceptsALuhnValidSiret() {
        // given a SIRET whose Luhn key is right (the AIFE's own, 0009:11000201100044)
        // when / then
        assertThat(Siret.parse("11000201100044")).map(Siret::siren).contains("110002011");
        assertThat(Siret.parse(" 73282932000074 ")).isPresent();
    }

    @Test
    void refusesAWrongKey() {
        assertThat(Siret.parse("11000201100045")).isEmpty();
        assertThat(Siret.isWellFormed("11000201100045")).isTrue();
        assertThat(Siret.hasValidKey("11000201100045")).isFalse();
    }

    @Test
    void refusesAnythingButFourteenDigits() {
        assertThat(Siret.parse("1100020110004")).isEmpty();
        assertThat(Siret.parse("110002011000440")).isEmpty();
        assertThat(Siret.parse("1100020110004A")).isEmpty();
        assertThat(Siret.parse("110 002 011 00044")).isEmpty();
        assertThat(Siret.parse(null)).isEmpty();
        assertThatThrownBy(() -> new Siret("123")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void acceptsLaPosteEstablishmentsWhoseDigitSumIsAMultipleOfFive() {
        // given a La Poste establishment: not Luhn-valid, digit sum 50
        // when / then
        assertThat(Siret.hasValidKey("35600000049837")).isTrue();
        assertThat(Siret.parse("35600000049837")).isPresent();
        // its head office is an ordinary Luhn number
        assertThat(Siret.parse("35600000000048")).isPresent();
        // the exception is La Poste's alone, and still needs the multiple of five
        assertThat(Siret.parse("35600000049838")).isEmpty();
        assertThat(Siret.parse("12345678901234")).isEmpty();
    }
}
