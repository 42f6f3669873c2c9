package uk.placements.edge.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * How callers prove who they are: HTTP Basic against the demo users by default ({@link BasicSignIn}), or bearer
 * tokens from the authority's identity provider in the {@code oidc} profile ({@link OidcSignIn}). What each role may
 * do is the same either way and lives in {@link SecurityConfiguration}.
 */
public interface SignIn {

    void configure(HttpSecurity http) throws Exception;
}
