package io.protoguard.security;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** Sign-in is locked for this account or address after repeated failures; {@code retryAfter} says for how long. */
public class SignInLocked extends AuthenticationException {
    private final Duration retryAfter;

    public SignInLocked(Duration retryAfter) {
        super("too many failed sign-ins: sign-in is paused for " + SignInThrottle.words(retryAfter)
                + " (an ADMIN can lift the lock)");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
