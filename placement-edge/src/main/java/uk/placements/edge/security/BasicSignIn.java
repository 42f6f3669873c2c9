package uk.placements.edge.security;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
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
import java.util.Arrays;

import static uk.placements.edge.security.SecurityConfiguration.ADMIN;
import static uk.placements.edge.security.SecurityConfiguration.ANALYST;
import static uk.placements.edge.security.SecurityConfiguration.AUDITOR;
import static uk.placements.edge.security.SecurityConfiguration.CASEWORKER;
import static uk.placements.edge.security.SecurityConfiguration.PROVISION_ADMIN;

/** The embedded default: HTTP Basic, each successful sign-in remembered briefly by {@link CachedCredentials}. */
@Configuration(proxyBeanMethods = false)
@Profile("!oidc")
public class BasicSignIn {

    @Bean
    public PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** One demo user per role, named after it; all share {@code placements.demo.password}. */
    @Bean
    @ConditionalOnProperty(name = "placements.demo.users", havingValue = "true", matchIfMissing = true)
    public UserDetailsService demoUsers(@Value("${placements.demo.password}") String password,
                                        PasswordEncoder encoder) {
        String encoded = encoder.encode(password);
        return new InMemoryUserDetailsManager(Arrays.stream(new String[][]{
                        {"caseworker", CASEWORKER}, {"provision-admin", PROVISION_ADMIN}, {"auditor", AUDITOR},
                        {"analyst", ANALYST}, {"admin", ADMIN}})
                .map(u -> User.withUsername(u[0]).password(encoded).roles(u[1]).build())
                .toList());
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
