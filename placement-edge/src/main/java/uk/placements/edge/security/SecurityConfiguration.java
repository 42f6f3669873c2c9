package uk.placements.edge.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import uk.placements.edge.web.ProblemResponses;

import java.util.Arrays;

/**
 * HTTP Basic over the API with the roles of API.md. Who may call what is decided here, by path and method, so the
 * whole access policy reads in one place.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    public static final String CASEWORKER = "CASEWORKER";
    public static final String PROVISION_ADMIN = "PROVISION_ADMIN";
    public static final String AUDITOR = "AUDITOR";
    public static final String ANALYST = "ANALYST";
    public static final String ADMIN = "ADMIN";

    @Bean
    public SecurityFilterChain api(HttpSecurity http) throws Exception {
        http
                .csrf(AbstractHttpConfigurer::disable) // stateless Basic: no cookie a forged request could ride on
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
                    response.setHeader("WWW-Authenticate", "Basic realm=\"placements\"");
                    ProblemResponses.write(response, 401, "Unauthorized", "sign in to use the API");
                }))
                .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, e) ->
                        ProblemResponses.write(response, 403, "Forbidden", "your role may not do this")))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .permitAll()
                        .requestMatchers("/actuator/**").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/placements", "/api/placements/**")
                        .hasAnyRole(CASEWORKER, ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/placements", "/api/placements/**")
                        .hasAnyRole(CASEWORKER, ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/provisions", "/api/provisions/**")
                        .hasAnyRole(PROVISION_ADMIN, ADMIN)
                        .requestMatchers(HttpMethod.PUT, "/api/provisions/**").hasAnyRole(PROVISION_ADMIN, ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/provisions", "/api/provisions/**").authenticated()
                        .requestMatchers("/api/audit/**").hasAnyRole(AUDITOR, ADMIN)
                        .requestMatchers("/api/dashboard/**", "/api/reports/**").hasAnyRole(ANALYST, ADMIN)
                        .requestMatchers("/api/admin/**").hasRole(ADMIN)
                        .anyRequest().authenticated());
        return http.build();
    }

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
}
