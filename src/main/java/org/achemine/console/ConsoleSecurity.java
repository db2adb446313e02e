package org.achemine.console;

import static org.achemine.console.ConsoleProperties.Role.OPERATOR;
import static org.achemine.console.ConsoleProperties.Role.VIEWER;

import org.achemine.api.EngineAddressFile;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

/**
 * Who reaches what on the engine's HTTP port (ADR 0020): health and metrics open (the management port's
 * probes); the console and the read API after login, viewer or operator; the console's actions operator only,
 * with CSRF; the AS2 receiving endpoint its own protocol's (signatures), no login.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableWebSecurity
public class ConsoleSecurity {

    @Bean
    SecurityFilterChain consoleSecurityChain(HttpSecurity http, EngineAddressFile engine) throws Exception {
        String viewer = VIEWER.name();
        String operator = OPERATOR.name();
        http.authorizeHttpRequests(requests -> requests
                        // only health and prometheus are exposed (management.endpoints.web.exposure)
                        .requestMatchers("/actuator/**").permitAll()
                        .requestMatchers("/as2/**").permitAll()
                        .requestMatchers("/login", "/console.css", "/error").permitAll()
                        .requestMatchers(HttpMethod.POST, "/console/actions/**").hasRole(operator)
                        .requestMatchers("/", "/console/**", "/api/**").hasAnyRole(viewer, operator)
                        .anyRequest().denyAll())
                .csrf(csrf -> csrf.ignoringRequestMatchers("/as2/**"))
                .formLogin(login -> login.loginPage("/login").defaultSuccessUrl("/console", false))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .httpBasic(Customizer.withDefaults())
                // a client of the API gets 401; a browser on a page, the login page
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                                PathPatternRequestMatcher.withDefaults().matcher("/api/**"))
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                AnyRequestMatcher.INSTANCE))
                .addFilterBefore(new EngineTokenFilter(engine.token()), BasicAuthenticationFilter.class);
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService consoleUsers(ConsoleProperties properties) {
        return new InMemoryUserDetailsManager(properties.users().stream()
                .map(user -> User.withUsername(user.name()).password(user.password())
                        .roles(user.role() == OPERATOR ? new String[] {OPERATOR.name(), VIEWER.name()}
                                : new String[] {VIEWER.name()})
                        .build())
                .toList());
    }
}
