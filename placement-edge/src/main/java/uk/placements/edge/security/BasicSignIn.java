package uk.placements.edge.security;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import uk.placements.edge.web.ProblemResponses;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static uk.placements.edge.security.SecurityConfiguration.ADMIN;
import static uk.placements.edge.security.SecurityConfiguration.ANALYST;
import static uk.placements.edge.security.SecurityConfiguration.AUDITOR;
import static uk.placements.edge.security.SecurityConfiguration.FINANCE;
import static uk.placements.edge.security.SecurityConfiguration.CASEWORKER;
import static uk.placements.edge.security.SecurityConfiguration.PROVISION_ADMIN;
import static uk.placements.edge.security.SecurityConfiguration.RETURNS;

/** The embedded default: HTTP Basic, each successful sign-in remembered briefly by {@link CachedCredentials}. */
@Configuration(proxyBeanMethods = false)
@Profile("!oidc")
public class BasicSignIn {

    @Bean
    public PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * Who may sign in with a password: the users configured as {@code placements.users.<name>.password} and
     * {@code .roles} (for example {@code PLACEMENTS_USERS_ADMIN_PASSWORD} and {@code PLACEMENTS_USERS_ADMIN_ROLES=ADMIN};
     * a password given as {@code {bcrypt}...} is taken as encoded, any other is encoded here), and, where
     * {@code placements.demo.users} is true, one demo user per role, named after it, all sharing
     * {@code placements.demo.password}. The embedded default enables the demo users; the {@code postgres} profile
     * (every deployment outside the embedded default) does not. With no user at all the service refuses to start.
     */
    @Bean
    public UserDetailsService users(Environment environment, PasswordEncoder encoder,
                                    @Value("${placements.demo.users:true}") boolean demo,
                                    @Value("${placements.demo.password}") String demoPassword) {
        List<UserDetails> users = new ArrayList<>();
        Binder.get(environment).bind("placements.users", Bindable.mapOf(String.class, ConfiguredUser.class))
                .orElse(Map.of())
                .forEach((name, user) -> users.add(user.toUser(name, encoder)));
        if (demo) {
            String encoded = encoder.encode(demoPassword);
            Arrays.stream(new String[][]{{"caseworker", CASEWORKER}, {"provision-admin", PROVISION_ADMIN},
                            {"auditor", AUDITOR}, {"analyst", ANALYST}, {"admin", ADMIN}, {"finance", FINANCE},
                            {"returns", RETURNS}})
                    .filter(u -> users.stream().noneMatch(configured -> configured.getUsername().equals(u[0])))
                    .map(u -> User.withUsername(u[0]).password(encoded).roles(u[1]).build())
                    .forEach(users::add);
        }
        if (users.isEmpty()) {
            throw new NoUsers();
        }
        return new InMemoryUserDetailsManager(users);
    }

    /** A user configured under {@code placements.users.<name>}. */
    public record ConfiguredUser(String password, List<String> roles) {

        UserDetails toUser(String name, PasswordEncoder encoder) {
            if (password == null || password.isBlank()) {
                throw new NoUsers("the user " + name + " is configured without a password (placements.users." + name
                        + ".password)");
            }
            List<String> known = List.of(CASEWORKER, PROVISION_ADMIN, AUDITOR, ANALYST, ADMIN, FINANCE,
                    RETURNS);
            List<String> granted = roles == null ? List.of() : roles.stream().map(String::strip).toList();
            if (granted.isEmpty() || !known.containsAll(granted)) {
                throw new NoUsers("the user " + name + " needs one or more of the roles " + known
                        + " (placements.users." + name + ".roles), not " + granted);
            }
            String stored = password.startsWith("{") ? password : encoder.encode(password);
            return User.withUsername(name).password(stored).roles(granted.toArray(String[]::new)).build();
        }
    }

    /** No one could sign in: refused at start, with one line saying what to configure. */
    public static class NoUsers extends IllegalStateException {
        public NoUsers() {
            this("no user can sign in: configure users (placements.users.<name>.password and .roles, e.g. "
                    + "PLACEMENTS_USERS_ADMIN_PASSWORD and PLACEMENTS_USERS_ADMIN_ROLES=ADMIN), use the oidc profile, "
                    + "or enable the demo users explicitly (placements.demo.users=true)");
        }

        public NoUsers(String message) {
            super(message);
        }
    }

    @Bean
    public CachedCredentials cachedCredentials(UserDetailsService users, PasswordEncoder encoder, Clock clock,
                                               MeterRegistry meters,
                                               @Value("${placements.security.credential-cache.ttl}") Duration ttl,
                                               @Value("${placements.security.credential-cache.max-entries}")
                                               int maxEntries) {
        DaoAuthenticationProvider check = new DaoAuthenticationProvider(users);
        check.setPasswordEncoder(encoder);
        CachedCredentials cached = new CachedCredentials(check, ttl, maxEntries, clock);
        FunctionCounter.builder("placements.security.credential.cache", cached, CachedCredentials::hits)
                .tag("result", "hit").description("Basic sign-ins answered without a password hash")
                .register(meters);
        FunctionCounter.builder("placements.security.credential.cache", cached, CachedCredentials::misses)
                .tag("result", "miss").description("Basic sign-ins checked against the password hash")
                .register(meters);
        return cached;
    }

    @Bean
    public SignIn basic(CachedCredentials credentials) {
        return http -> http
                .authenticationManager(new ProviderManager(credentials))
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
                    // The web client signs in with its own form; the challenge would make the browser open its
                    // native password dialog over it on every wrong password.
                    if (request.getHeader("X-Requested-With") == null) {
                        response.setHeader("WWW-Authenticate", "Basic realm=\"placements\"");
                    }
                    ProblemResponses.write(response, 401, "Unauthorized", "sign in to use the API");
                }));
    }
}
