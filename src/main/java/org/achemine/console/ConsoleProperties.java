package org.achemine.console;

import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may use the console and the read API ({@code achemine.console.*}): users with a hashed password
 * ({@code {bcrypt}$2y$...}: docs/console.md says how to make one) and a role, and the zone of the dashboard's
 * day and times (defaults in application.yml). No user by default: the console then lets nobody in, and only
 * the query commands (with the engine's own token) use the API.
 */
@ConfigurationProperties("achemine.console")
public record ConsoleProperties(List<User> users, ZoneId timeZone) {

    public ConsoleProperties {
        users = users == null ? List.of() : List.copyOf(users);
        for (User user : users) {
            if (user.password() == null || !user.password().matches("\\{(bcrypt|argon2@SpringSecurity_v5_8|pbkdf2@SpringSecurity_v5_8|scrypt@SpringSecurity_v5_8)}.+")) {
                throw new IllegalArgumentException("achemine.console.users: the password of " + user.name()
                        + " must be a hash such as {bcrypt}$2y$10$... (docs/console.md), never the password itself");
            }
        }
    }

    /** A console user: VIEWER reads everything; OPERATOR also acts (retry, run a job, import the directory). */
    public record User(String name, String password, Role role) {
    }

    public enum Role {
        VIEWER, OPERATOR
    }
}
