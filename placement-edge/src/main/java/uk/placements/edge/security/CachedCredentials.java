package uk.placements.edge.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Remembers a successful HTTP Basic sign-in for a short while, so that a client sending the same credentials with
 * every request costs one password hash (BCrypt: tens of milliseconds by design) per {@code ttl}, not one per request.
 * <p>
 * Only successes are remembered, so a wrong password always reaches the real check. The key is the username and a
 * SHA-256 of the password salted with a random value drawn when the process starts: the password itself is never
 * held, and the digests are useless outside this process. A changed password or a disabled user is noticed when
 * the entry expires, at most {@code ttl} later. Entries are bounded by the number of users who signed in within
 * {@code ttl}; should that ever exceed {@code maxEntries}, the expired entries go and, failing that, all of them.
 */
public class CachedCredentials implements AuthenticationProvider {

    private record Key(String username, String passwordDigest) {
    }

    private record Entry(Object principal, Collection<? extends GrantedAuthority> authorities, long expiresAtMillis) {
    }

    private final AuthenticationProvider delegate;
    private final Duration ttl;
    private final int maxEntries;
    private final Clock clock;
    private final byte[] salt = new byte[32];
    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();

    public CachedCredentials(AuthenticationProvider delegate, Duration ttl, int maxEntries, Clock clock) {
        this.delegate = delegate;
        this.ttl = ttl;
        this.maxEntries = maxEntries;
        this.clock = clock;
        new SecureRandom().nextBytes(salt);
    }

    @Override
    public Authentication authenticate(Authentication attempt) throws AuthenticationException {
        if (!(attempt.getCredentials() instanceof String password)) {
            return delegate.authenticate(attempt);
        }
        Key key = new Key(attempt.getName(), digest(password));
        long now = clock.millis();
        Entry entry = entries.get(key);
        if (entry != null && entry.expiresAtMillis() > now) {
            hits.incrementAndGet();
            return signedInAgain(entry, attempt);
        }
        misses.incrementAndGet();
        Authentication signedIn = delegate.authenticate(attempt);
        if (signedIn != null && signedIn.isAuthenticated()) {
            remember(key, signedIn, now);
        }
        return signedIn;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication)
                && delegate.supports(authentication);
    }

    /** Sign-ins answered from the cache, without a password hash. */
    public long hits() {
        return hits.get();
    }

    /** Sign-ins that went to the real check. */
    public long misses() {
        return misses.get();
    }

    private void remember(Key key, Authentication signedIn, long now) {
        if (entries.size() >= maxEntries) {
            entries.values().removeIf(e -> e.expiresAtMillis() <= now);
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
        }
        Object principal = signedIn.getPrincipal();
        if (principal instanceof CredentialsContainer container) {
            container.eraseCredentials();
        }
        entries.put(key, new Entry(principal, signedIn.getAuthorities(), now + ttl.toMillis()));
    }

    /** A fresh token per request: the request's own details, and no credentials to leak. */
    private static Authentication signedInAgain(Entry entry, Authentication attempt) {
        UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.authenticated(
                entry.principal(), null, entry.authorities());
        token.setDetails(attempt.getDetails());
        return token;
    }

    private String digest(String password) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(salt);
            return HexFormat.of().formatHex(sha256.digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
