package uk.placements.edge.security;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A remembered sign-in skips the password hash; nothing else about sign-in changes, except for at most the TTL. */
class CachedCredentialsTest {

    private static final Duration TTL = Duration.ofMinutes(5);

    private final AtomicInteger hashChecks = new AtomicInteger();
    private final PasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
    private final PasswordEncoder counting = new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            hashChecks.incrementAndGet();
            return bcrypt.matches(raw, encoded);
        }
    };
    private final MutableClock clock = new MutableClock();
    private InMemoryUserDetailsManager users;
    private CachedCredentials credentials;

    @BeforeEach
    void setUp() {
        users = new InMemoryUserDetailsManager(User.withUsername("caseworker").password(bcrypt.encode("demo"))
                .roles("CASEWORKER").build());
        DaoAuthenticationProvider check = new DaoAuthenticationProvider(users);
        check.setPasswordEncoder(counting);
        credentials = new CachedCredentials(check, TTL, 100, clock);
    }

    @Test
    void theSecondSignInWithTheSameCredentialsDoesNotHashThePassword() {
        Authentication first = credentials.authenticate(attempt("caseworker", "demo"));
        Authentication second = credentials.authenticate(attempt("caseworker", "demo"));

        assertThat(hashChecks).hasValue(1);
        assertThat(second.isAuthenticated()).isTrue();
        assertThat(second.getName()).isEqualTo("caseworker");
        assertThat(second.getAuthorities()).map(GrantedAuthority::getAuthority).containsExactly("ROLE_CASEWORKER");
        assertThat(second.getCredentials()).isNull();
        assertThat(first.getName()).isEqualTo(second.getName());
    }

    @Test
    void aWrongPasswordIsRefusedAfterTheRightOneWasRemembered() {
        credentials.authenticate(attempt("caseworker", "demo"));

        assertThatThrownBy(() -> credentials.authenticate(attempt("caseworker", "Demo")))
                .isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> credentials.authenticate(attempt("analyst", "demo")))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void failedSignInsAreNotRemembered() {
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> credentials.authenticate(attempt("caseworker", "wrong")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThat(hashChecks).hasValue(3);
        assertThat(credentials.hits()).isZero();
    }

    @Test
    void aChangedPasswordStopsWorkingWhenTheRememberedSignInExpires() {
        credentials.authenticate(attempt("caseworker", "demo"));
        users.updateUser(User.withUsername("caseworker").password(bcrypt.encode("new")).roles("CASEWORKER").build());

        clock.advance(TTL.minusSeconds(1));
        assertThat(credentials.authenticate(attempt("caseworker", "demo")).isAuthenticated()).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> credentials.authenticate(attempt("caseworker", "demo")))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(credentials.authenticate(attempt("caseworker", "new")).isAuthenticated()).isTrue();
    }

    @Test
    void aDisabledUserIsRefusedWhenTheRememberedSignInExpires() {
        credentials.authenticate(attempt("caseworker", "demo"));
        users.updateUser(User.withUsername("caseworker").password(bcrypt.encode("demo")).roles("CASEWORKER")
                .disabled(true).build());

        clock.advance(TTL);
        assertThatThrownBy(() -> credentials.authenticate(attempt("caseworker", "demo")))
                .isInstanceOf(DisabledException.class);
    }

    @Test
    void theCacheStaysWithinItsBound() {
        for (int i = 0; i < 250; i++) {
            users.createUser(User.withUsername("user" + i).password(bcrypt.encode("pw")).roles("ANALYST").build());
            credentials.authenticate(attempt("user" + i, "pw"));
        }
        hashChecks.set(0);
        credentials.authenticate(attempt("user249", "pw"));
        assertThat(hashChecks).as("the latest sign-in survives a full cache").hasValue(0);
    }

    private static UsernamePasswordAuthenticationToken attempt(String user, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(user, password);
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-09-01T08:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
