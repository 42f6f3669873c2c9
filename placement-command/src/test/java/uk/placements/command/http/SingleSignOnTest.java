package uk.placements.command.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.placements.commandservice.PlacementCommandApplication;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The oidc profile: bearer JWTs instead of Basic. Tokens are signed in the test with a key pair made for it; the
 * service trusts its public half through {@code public-key-location}, so no identity provider is contacted.
 */
@SpringBootTest(classes = PlacementCommandApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.datasource.url=jdbc:h2:mem:command-oidc;DB_CLOSE_DELAY=-1",
                "placements.crypto.master-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="
        })
@ActiveProfiles("oidc")
class SingleSignOnTest {

    private static final KeyPair TRUSTED = keyPair();
    private static final KeyPair STRANGER = keyPair();

    @DynamicPropertySource
    static void trustTheTestKey(DynamicPropertyRegistry registry) throws IOException {
        Path pem = Files.createTempFile("oidc-test", ".pem");
        pem.toFile().deleteOnExit();
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(TRUSTED.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> pem.toUri().toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Api api;

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    @Test
    void aCaseworkerTokenRefersAPupilAndTheEventNamesTheTokensUser() throws Exception {
        String token = token(TRUSTED, Map.of("sub", "8c1f-77aa", "preferred_username", "j.okafor",
                "roles", List.of("CASEWORKER")), Duration.ofMinutes(5));

        Api.Answer referral = refer(token);

        assertThat(referral.status()).as(referral.body()).isEqualTo(201);
        byte[] metadata = jdbc.queryForObject("SELECT metaData FROM DomainEventEntry WHERE aggregateIdentifier = ?",
                byte[].class, referral.json().get("id").asText());
        assertThat(new ObjectMapper().readTree(metadata).get("userId").asText()).isEqualTo("j.okafor");
    }

    @Test
    void aTokenWithoutPreferredUsernameIsRecordedByItsSubject() throws Exception {
        String token = token(TRUSTED, Map.of("sub", "8c1f-77ab", "roles", List.of("CASEWORKER")),
                Duration.ofMinutes(5));

        Api.Answer referral = refer(token);

        assertThat(referral.status()).isEqualTo(201);
        byte[] metadata = jdbc.queryForObject("SELECT metaData FROM DomainEventEntry WHERE aggregateIdentifier = ?",
                byte[].class, referral.json().get("id").asText());
        assertThat(new ObjectMapper().readTree(metadata).get("userId").asText()).isEqualTo("8c1f-77ab");
    }

    @Test
    void anAnalystTokenMayNotWrite() {
        String token = token(TRUSTED, Map.of("sub", "a1", "preferred_username", "analyst.one",
                "roles", List.of("ANALYST")), Duration.ofMinutes(5));

        assertProblem(refer(token), 403);
    }

    @Test
    void anExpiredTokenIs401() {
        String token = token(TRUSTED, Map.of("sub", "c1", "roles", List.of("CASEWORKER")), Duration.ofMinutes(-10));

        Api.Answer answer = refer(token);
        assertProblem(answer, 401);
        assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer").contains("invalid_token");
    }

    @Test
    void aTokenSignedByAnotherKeyIs401() {
        assertProblem(refer(token(STRANGER, Map.of("sub", "c1", "roles", List.of("CASEWORKER")),
                Duration.ofMinutes(5))), 401);
    }

    @Test
    void noTokenIs401AndBasicDemoUsersDoNotSignIn() {
        Api.Answer anonymous = api.post(null, "/api/placements", Api.referralJson(Api.newUpn(), 3, "ASD", "EHCP",
                "2026-09-01"));
        assertProblem(anonymous, 401);
        assertThat(anonymous.header("WWW-Authenticate")).startsWith("Bearer");
        assertProblem(api.post("caseworker", "/api/placements", Api.referralJson(Api.newUpn(), 3, "ASD", "EHCP",
                "2026-09-01")), 401);
    }

    private Api.Answer refer(String token) {
        return api.post(null, "/api/placements", Api.referralJson(Api.newUpn(), 3, "ASD", "EHCP", "2026-09-01"),
                "Authorization", "Bearer " + token);
    }

    private static void assertProblem(Api.Answer answer, int status) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.body()).doesNotContainIgnoringCase("exception").doesNotContain("java.");
    }

    /** A token valid from now for {@code life} (negative: it expired that long ago). */
    private static String token(KeyPair key, Map<String, Object> claims, Duration life) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder set = new JWTClaimsSet.Builder()
                .issuer("https://login.example.gov.uk/placements")
                .issueTime(Date.from(now.minus(Duration.ofMinutes(30))))
                .expirationTime(Date.from(now.plus(life)));
        claims.forEach(set::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), set.build());
        try {
            jwt.sign(new RSASSASigner(key.getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has RSA", e);
        }
    }
}
