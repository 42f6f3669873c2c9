package uk.placements.edge.security;

import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import uk.placements.edge.web.ProblemHandling;
import uk.placements.edge.web.ProblemResponses;

/**
 * The roles of API.md and who may call what, by path and method, so the whole access policy reads in one place;
 * how a caller signs in is the {@link SignIn} of the active profile.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    public static final String CASEWORKER = "CASEWORKER";
    public static final String PROVISION_ADMIN = "PROVISION_ADMIN";
    public static final String AUDITOR = "AUDITOR";
    public static final String ANALYST = "ANALYST";
    public static final String ADMIN = "ADMIN";
    public static final String FINANCE = "FINANCE";
    /** Statutory returns (docs/returns.md): the person-level SEN2 export, which holds personal data. */
    public static final String RETURNS = "RETURNS";

    /**
     * An API and, later, a small web client served from the same origin: nothing from elsewhere, never framed, no
     * referrer leaves with a pupil's placement id in its URL.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    public SecurityFilterChain api(HttpSecurity http, SignIn signIn) throws Exception {
        signIn.configure(http);
        http
                // CSRF needs a credential the browser adds by itself (a session cookie). Every request here carries
                // its own credentials in the Authorization header (Basic or a bearer token), which a forged
                // cross-site request cannot set, and no session is ever created: there is nothing to forge.
                // A future cookie-based login for the web client must bring CSRF protection back for itself.
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, e) ->
                        ProblemResponses.write(response, 403, "Forbidden", "your role may not do this")))
                .authorizeHttpRequests(auth -> auth
                        // An error page answers a request that was already let through (or refused) on its own
                        // merits; refusing the error dispatch itself would turn every 404 into a 401.
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .permitAll()
                        // The web client's pages, scripts and styles hold no data: each page asks the API with
                        // the signed-in user's own credentials.
                        .requestMatchers(HttpMethod.GET, "/", "/*.html", "/js/**", "/css/**", "/webjars/**",
                                "/assets/**", "/favicon.ico").permitAll()
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
                        // The live capacity rows are the figures GET /api/provisions gives every signed-in role
                        // (no personal data): the provision pages of every role stay current on the stream.
                        .requestMatchers(HttpMethod.GET, "/api/dashboard/capacity/stream").authenticated()
                        .requestMatchers("/api/dashboard/**", "/api/reports/**").hasAnyRole(ANALYST, ADMIN)
                        .requestMatchers("/api/admin/**").hasRole(ADMIN)
                        // the place-change return (docs/funding.md): provisions ask, finance and analysts read it
                        .requestMatchers(HttpMethod.GET, "/api/funding/place-change", "/api/funding/place-change.csv")
                        .hasAnyRole(FINANCE, ANALYST, PROVISION_ADMIN, ADMIN)
                        .requestMatchers("/api/funding/place-change/**").hasAnyRole(PROVISION_ADMIN, FINANCE, ADMIN)
                        // money (docs/funding.md): the tariff is set by finance; caseworkers fund placements
                        .requestMatchers(HttpMethod.GET, "/api/funding/ledger", "/api/funding/spend")
                        .hasAnyRole(FINANCE, ANALYST, ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/funding/schedules", "/api/funding/schedules/**")
                        .hasAnyRole(FINANCE, ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/funding/**").hasAnyRole(CASEWORKER, FINANCE, ADMIN)
                        .requestMatchers("/api/funding/tariff/**").hasAnyRole(FINANCE, ADMIN)
                        .requestMatchers("/api/funding/**").hasAnyRole(CASEWORKER, FINANCE, ADMIN)
                        // statutory returns (docs/returns.md): SEN2 is person-level; GIAS and SCAP are figures only
                        .requestMatchers("/api/returns/sen2/**").hasAnyRole(RETURNS, ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/returns/gias/reconciliation")
                        .hasAnyRole(RETURNS, ANALYST, ADMIN)
                        // SCAP: capacity and the demand forecast, figures only
                        .requestMatchers(HttpMethod.GET, "/api/returns/scap/**").hasAnyRole(RETURNS, ANALYST, ADMIN)
                        .requestMatchers("/api/returns/**").hasAnyRole(RETURNS, ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/me").authenticated()
                        .anyRequest().authenticated());
        return http.build();
    }

    /** The methods Spring Security's firewall lets through (its default); anything else never reaches the API. */
    static final java.util.Set<String> METHODS = java.util.Set.of("DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST",
            "PUT");

    /**
     * The firewall's refusals (a method outside the API's, an encoded slash or dot segment, a control character in a
     * header) as problem details. Spring's default answers with {@code sendError(400)}, whose error dispatch the
     * firewall refuses in turn, so the client got a 400 with an empty body. A method the API does not have
     * ({@code TRACE}, or one nobody defined) is 405 with the methods it has in {@code Allow}, as HTTP wants.
     */
    @Bean
    public RequestRejectedHandler requestRejectedHandler() {
        return (request, response, rejected) -> {
            if (!METHODS.contains(request.getMethod())) {
                response.setHeader("Allow", "GET, HEAD, POST, PUT, DELETE, PATCH, OPTIONS");
                ProblemResponses.write(response, 405, "Method Not Allowed",
                        "the API has no such method; see the Allow header");
            } else {
                ProblemResponses.write(response, 400, "Bad Request", ProblemHandling.REJECTED);
            }
        };
    }
}
