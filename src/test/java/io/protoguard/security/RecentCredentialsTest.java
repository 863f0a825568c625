package io.protoguard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;

/** A verified API password is remembered for a short while; a wrong one never is. */
class RecentCredentialsTest {
    private final AtomicInteger checks = new AtomicInteger();
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    private final AuthenticationProvider bcrypt = new AuthenticationProvider() {
        @Override
        public Authentication authenticate(Authentication a) {
            checks.incrementAndGet();
            if (!"right".equals(a.getCredentials())) throw new BadCredentialsException("bad");
            return UsernamePasswordAuthenticationToken.authenticated(a.getName(), null,
                    AuthorityUtils.createAuthorityList("ROLE_MONITOR"));
        }

        @Override
        public boolean supports(Class<?> c) {
            return true;
        }
    };

    private RecentCredentials cache() {
        return new RecentCredentials(bcrypt, Duration.ofSeconds(60), new Clock() {
            @Override
            public Instant instant() {
                return now;
            }

            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        });
    }

    private static Authentication login(String user, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(user, password);
    }

    @Test
    void rightPasswordIsCheckedOnceWithinTheTtlAndAgainAfterIt() {
        RecentCredentials c = cache();
        assertThat(c.authenticate(login("monica", "right")).isAuthenticated()).isTrue();
        assertThat(c.authenticate(login("monica", "right")).getAuthorities()).extracting(Object::toString).containsExactly("ROLE_MONITOR");
        assertThat(checks).hasValue(1);
        now = now.plusSeconds(61);
        c.authenticate(login("monica", "right"));
        assertThat(checks).hasValue(2);
    }

    @Test
    void wrongPasswordIsNeverRememberedAndNeverMatchesARememberedOne() {
        RecentCredentials c = cache();
        c.authenticate(login("monica", "right"));
        assertThatThrownBy(() -> c.authenticate(login("monica", "wrong"))).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> c.authenticate(login("monica", "wrong"))).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> c.authenticate(login("other", "wrong"))).isInstanceOf(BadCredentialsException.class);
        assertThat(checks).hasValue(4);
    }
}
