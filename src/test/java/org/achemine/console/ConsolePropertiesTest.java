package org.achemine.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.List;
import org.achemine.console.ConsoleProperties.Role;
import org.achemine.console.ConsoleProperties.User;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

class ConsolePropertiesTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void refusesAPasswordWrittenInClearOrWithoutItsHashPrefix() {
        String bareHash = new BCryptPasswordEncoder(4).encode("secret");

        assertThatThrownBy(() -> new ConsoleProperties(List.of(new User("dupont", "secret", Role.OPERATOR)), PARIS))
                .hasMessageContaining("dupont").hasMessageContaining("{bcrypt}");
        assertThatThrownBy(() -> new ConsoleProperties(List.of(new User("dupont", "{noop}secret", Role.VIEWER)), PARIS))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ConsoleProperties(List.of(new User("dupont", bareHash, Role.VIEWER)), PARIS))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void acceptsABcryptHashAsHtpasswdMakesIt() {
        // htpasswd -bnBC 10 "" secret writes $2y$; Spring's delegating encoder matches it behind {bcrypt}
        String htpasswd = "{bcrypt}" + new BCryptPasswordEncoder(BCryptPasswordEncoder.BCryptVersion.$2Y, 4).encode("secret");

        ConsoleProperties properties = new ConsoleProperties(List.of(new User("dupont", htpasswd, Role.OPERATOR)), PARIS);

        assertThat(properties.users()).hasSize(1);
        assertThat(PasswordEncoderFactories.createDelegatingPasswordEncoder().matches("secret", htpasswd)).isTrue();
        assertThat(new ConsoleProperties(null, PARIS).users()).isEmpty();
    }
}
