package io.protoguard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import io.protoguard.storage.AuditLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The backoff rules on a clock the test moves: locks per account and per address, their audit entries, lifting. */
class SignInThrottleTest {
    final AuditLog audit = mock(AuditLog.class);
    Instant now = Instant.parse("2026-07-01T10:00:00Z");
    final Clock clock = new Clock() {
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        public Instant instant() {
            return now;
        }
    };
    final SignInThrottle throttle = new SignInThrottle(audit, clock, 3, 5, Duration.ofSeconds(30), Duration.ofMinutes(2));

    void fail(String account, String address) {
        throttle.checkAllowed(account, address);
        throttle.failed(account, address, "wrong user name or password");
    }

    @Test
    void anAccountLocksAfterItsLimitAndEachLaterLockIsLonger() {
        fail("tess", "10.0.0.1");
        fail("tess", "10.0.0.2");
        verify(audit, times(2)).record(eq("tess"), eq(AuditLog.SIGN_IN_FAILED), eq("wrong user name or password"), any());
        fail("tess", "10.0.0.3");
        verify(audit).record(eq("tess"), eq(AuditLog.SIGN_IN_LOCKED), contains("locked for 30 s after 3 failed"), eq("10.0.0.3"));
        for (int i = 0; i < 7; i++) {
            assertThatThrownBy(() -> throttle.checkAllowed("tess", "10.0.0.9")).isInstanceOf(SignInLocked.class);
        }
        verify(audit, times(2)).record(eq("tess"), eq(AuditLog.SIGN_IN_FAILED), anyString(), any()); // nothing per refused attempt
        now = now.plusSeconds(31);
        throttle.sweep();
        verify(audit).record(eq("tess"), eq(AuditLog.SIGN_IN_UNLOCKED), contains("7 attempt(s) refused"), any());
        fail("tess", "10.0.0.1"); // backoff: one more failure locks again, twice as long
        verify(audit).record(eq("tess"), eq(AuditLog.SIGN_IN_LOCKED), contains("locked for 60 s"), any());
        now = now.plusSeconds(61);
        fail("tess", "10.0.0.1");
        now = now.plusSeconds(121);
        fail("tess", "10.0.0.1");
        verify(audit, times(2)).record(eq("tess"), eq(AuditLog.SIGN_IN_LOCKED), contains("locked for 2 min"), any()); // capped
    }

    @Test
    void aSuccessStartsTheAccountOver() {
        fail("tess", null);
        fail("tess", null);
        throttle.succeeded("tess");
        fail("tess", null);
        fail("tess", null);
        throttle.checkAllowed("tess", null);
        verify(audit, never()).record(any(), eq(AuditLog.SIGN_IN_LOCKED), any(), any());
    }

    @Test
    void anAddressLocksAcrossAccountsAndAGoodSignInDoesNotClearIt() {
        for (String account : new String[] {"a", "b", "c", "d"}) fail(account, "10.9.9.9");
        throttle.succeeded("e");
        fail("e", "10.9.9.9");
        verify(audit).record(eq("e"), eq(AuditLog.SIGN_IN_LOCKED), contains("address 10.9.9.9 locked"), eq("10.9.9.9"));
        assertThatThrownBy(() -> throttle.checkAllowed("f", "10.9.9.9")).isInstanceOf(SignInLocked.class);
        throttle.checkAllowed("f", "10.1.1.1"); // another address is not affected
        assertThat(throttle.locks()).anyMatch(l -> l.kind() == SignInThrottle.Kind.ADDRESS && l.key().equals("10.9.9.9"));
        assertThat(throttle.lift(SignInThrottle.Kind.ADDRESS, "10.9.9.9", "ada")).isTrue();
        verify(audit).record(eq("ada"), eq(AuditLog.SIGN_IN_UNLOCKED), contains("lifted by ada"), any());
        throttle.checkAllowed("f", "10.9.9.9");
        assertThat(throttle.lift(SignInThrottle.Kind.ADDRESS, "10.9.9.9", "ada")).isFalse();
    }
}
