package uk.placements.edge.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import uk.placements.edge.web.ProblemResponses;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Single sign-on: the service is an OAuth2 resource server that accepts JWTs from the authority's identity provider.
 * The decoder comes from Spring Boot's {@code spring.security.oauth2.resourceserver.jwt.*} properties (issuer-uri,
 * jwk-set-uri or public-key-location). Roles are read from the claim {@code placements.security.roles-claim} (a dotted
 * path reaches nested claims, e.g. Keycloak's {@code realm_access.roles}); the user recorded in event metadata is the
 * claim {@code placements.security.user-claim}, or {@code sub} when the token lacks it.
 */
@Configuration(proxyBeanMethods = false)
@Profile("oidc")
public class OidcSignIn {

    @Bean
    public SignIn bearerTokens(@Value("${placements.security.roles-claim}") String rolesClaim,
                               @Value("${placements.security.user-claim}") String userClaim) {
        BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
        return http -> http.oauth2ResourceServer(server -> server
                .jwt(jwt -> jwt.jwtAuthenticationConverter(new TokenUser(rolesClaim, userClaim)))
                .authenticationEntryPoint((request, response, e) -> {
                    bearer.commence(request, response, e); // the RFC 6750 WWW-Authenticate challenge
                    ProblemResponses.write(response, 401, "Unauthorized", "a valid bearer token is required");
                }));
    }

    /** The signed-in user of a token: its name, and its roles as {@code ROLE_} authorities. */
    static final class TokenUser implements Converter<Jwt, AbstractAuthenticationToken> {
        private final String[] rolesPath;
        private final String userClaim;

        TokenUser(String rolesClaim, String userClaim) {
            this.rolesPath = rolesClaim.split("\\.");
            this.userClaim = userClaim;
        }

        @Override
        public AbstractAuthenticationToken convert(Jwt jwt) {
            String name = jwt.hasClaim(userClaim) ? jwt.getClaimAsString(userClaim) : jwt.getSubject();
            if (name == null || name.isBlank()) {
                throw new InvalidBearerTokenException("the token names no user");
            }
            return new JwtAuthenticationToken(jwt, roles(jwt.getClaims()).stream()
                    .map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList(), name);
        }

        private List<String> roles(Map<String, Object> claims) {
            Object value = claims;
            for (String step : rolesPath) {
                if (!(value instanceof Map<?, ?> map)) {
                    return List.of();
                }
                value = map.get(step);
            }
            if (value instanceof Collection<?> roles) {
                return roles.stream().map(String::valueOf).toList();
            }
            return value instanceof String role ? List.of(role.split("[\\s,]+")) : List.of();
        }
    }
}
