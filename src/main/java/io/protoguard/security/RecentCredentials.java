package io.protoguard.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * The REST API is stateless: HTTP basic sends the password with every call, and checking it against its
 * bcrypt hash costs ~100 ms, most of a warm upload's answer time. A successful check is remembered for a
 * short while, keyed by the user name and a SHA-256 of the password (the password itself is not kept).
 * Failures are never remembered, so guessing still pays the full bcrypt price. A changed password, role or status
 * clears the account's entries at once ({@link #forget}), so nothing outlives a change; {@code ttl} bounds the rest.
 */
final class RecentCredentials implements AuthenticationProvider {
    private static final int MAX_ENTRIES = 10_000;

    private record Verified(Authentication authentication, Instant until) {}

    private final AuthenticationProvider delegate;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    RecentCredentials(AuthenticationProvider delegate, Duration ttl, Clock clock) {
        this.delegate = delegate;
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication request) {
        if (!(request.getCredentials() instanceof String password)) return delegate.authenticate(request);
        String key = request.getName() + "\u0000" + sha256(request.getName() + "\u0000" + password);
        Instant now = clock.instant();
        Verified v = verified.get(key);
        if (v != null && now.isBefore(v.until())) return v.authentication();
        Authentication result = delegate.authenticate(request);
        if (result != null && result.isAuthenticated()) {
            if (verified.size() >= MAX_ENTRIES) verified.clear();
            verified.put(key, new Verified(result, now.plus(ttl)));
        }
        return result;
    }

    /** Drops every remembered sign-in of the account. */
    void forget(String username) {
        String prefix = username + "\u0000";
        verified.keySet().removeIf(k -> k.startsWith(prefix));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
