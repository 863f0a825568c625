package io.protoguard.security;

import io.protoguard.storage.AuditLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Backoff for failed sign-ins, per account and per address. After {@code accountLimit} failures in a row for one
 * account (or {@code addressLimit} from one address, whatever the accounts), sign-in there is locked: every attempt,
 * even with the right password, is refused without checking it. The first lock lasts {@code firstLock}; when it
 * ends, the next failure locks again for twice as long (up to {@code longestLock}); a success starts over. An ADMIN
 * can lift a lock at once.
 * <p>
 * Audit: each failure is one entry until a lock starts; then one entry when the lock starts (account or address,
 * the failures that caused it) and one when it ends (expired or lifted, with the attempts refused meanwhile), so a
 * guessing attacker cannot grow the append-only log without limit. Kept in memory: a restart lifts every lock.
 */
public class SignInThrottle {
    public enum Kind { ACCOUNT, ADDRESS }

    /** A lock as the Users page lists it. */
    public record Lock(Kind kind, String key, Instant until, int failures, int refused) {}

    private static final int MAX_TRACKED = 10_000;
    private static final Duration FORGET_AFTER = Duration.ofMinutes(30);

    private static final class Tracker {
        int failures, locks, refused;
        Instant lockedUntil, lastFailure;
        final Set<String> accounts = new LinkedHashSet<>(); // for an address: the accounts tried from it
    }

    private final AuditLog audit;
    private final Clock clock;
    private final int accountLimit, addressLimit;
    private final Duration firstLock, longestLock;
    private final Map<String, Tracker> trackers = new ConcurrentHashMap<>();

    public SignInThrottle(AuditLog audit, Clock clock, int accountLimit, int addressLimit, Duration firstLock, Duration longestLock) {
        this.audit = audit;
        this.clock = clock;
        this.accountLimit = accountLimit;
        this.addressLimit = addressLimit;
        this.firstLock = firstLock;
        this.longestLock = longestLock;
    }

    /** Throws {@link SignInLocked} when the account or the address is locked (the attempt is counted, not audited). */
    public synchronized void checkAllowed(String account, String address) {
        Instant now = clock.instant();
        Instant until = null;
        for (String key : keys(account, address)) {
            Tracker t = trackers.get(key);
            if (t == null) continue;
            endIfExpired(key, t, now);
            if (t.lockedUntil != null) {
                t.refused++;
                if (until == null || t.lockedUntil.isAfter(until)) until = t.lockedUntil;
            }
        }
        if (until != null) throw new SignInLocked(Duration.between(now, until));
    }

    /** A wrong password (or unknown user): audited, counted, and perhaps the start of a lock. */
    public synchronized void failed(String account, String address, String reason) {
        Instant now = clock.instant();
        if (trackers.size() > MAX_TRACKED) forgetQuiet(now);
        Tracker a = tracker(key(Kind.ACCOUNT, account), now), ip = address == null ? null : tracker(key(Kind.ADDRESS, address), now);
        a.failures++;
        a.lastFailure = now;
        if (ip != null) {
            ip.failures++;
            ip.lastFailure = now;
            if (ip.accounts.size() < 20) ip.accounts.add(account);
        }
        boolean lockedNow = false;
        if (a.failures >= accountLimit) {
            Duration d = lock(a, now);
            audit.record(account, AuditLog.SIGN_IN_LOCKED, "sign-in of account " + account + " locked for " + words(d) + " after "
                    + a.failures + " failed sign-ins in a row (last from " + (address == null ? "an unknown address" : address) + ")", address);
            lockedNow = true;
        }
        if (ip != null && ip.failures >= addressLimit) {
            Duration d = lock(ip, now);
            audit.record(account, AuditLog.SIGN_IN_LOCKED, "sign-in from address " + address + " locked for " + words(d) + " after "
                    + ip.failures + " failed sign-ins (accounts " + String.join(", ", ip.accounts) + ")", address);
            lockedNow = true;
        }
        if (!lockedNow) audit.record(account, AuditLog.SIGN_IN_FAILED, reason, address);
    }

    /** A correct sign-in: the account starts over (the address does not, or one good account would clear it for all). */
    public synchronized void succeeded(String account) {
        trackers.remove(key(Kind.ACCOUNT, account));
    }

    /** Ends the lock now; returns false when there was none. */
    public synchronized boolean lift(Kind kind, String key, String by) {
        Tracker t = trackers.get(key(kind, key));
        if (t == null || t.lockedUntil == null) return false;
        audit.record(by, AuditLog.SIGN_IN_UNLOCKED, (kind == Kind.ACCOUNT ? "account " : "address ") + key + ": lock lifted by "
                + by + "; " + t.refused + " attempt(s) refused during the lock", null);
        trackers.remove(key(kind, key));
        return true;
    }

    /** Current locks, the longest first; locks that have run out are ended (and audited) on the way. */
    public synchronized List<Lock> locks() {
        sweep();
        List<Lock> locks = new ArrayList<>();
        trackers.forEach((k, t) -> {
            if (t.lockedUntil != null) {
                locks.add(new Lock(Kind.valueOf(k.substring(0, k.indexOf(':'))), k.substring(k.indexOf(':') + 1), t.lockedUntil, t.failures, t.refused));
            }
        });
        locks.sort(Comparator.comparing(Lock::until).reversed());
        return locks;
    }

    /** Ends the locks that have run out, so their end is in the audit log even when nobody tries again. */
    public synchronized void sweep() {
        Instant now = clock.instant();
        trackers.forEach((k, t) -> endIfExpired(k, t, now));
    }

    private void endIfExpired(String key, Tracker t, Instant now) {
        if (t.lockedUntil == null || now.isBefore(t.lockedUntil)) return;
        String who = key.substring(key.indexOf(':') + 1);
        audit.record(key.startsWith("ACCOUNT:") ? who : "system", AuditLog.SIGN_IN_UNLOCKED,
                (key.startsWith("ACCOUNT:") ? "account " : "address ") + who + ": lock ended; " + t.refused
                        + " attempt(s) refused during the lock; the next failure locks again for longer", null);
        t.lockedUntil = null;
        t.refused = 0;
        t.failures = (key.startsWith("ACCOUNT:") ? accountLimit : addressLimit) - 1; // backoff: one more failure locks again
    }

    private Duration lock(Tracker t, Instant now) {
        Duration d = firstLock.multipliedBy(1L << Math.min(t.locks, 20));
        if (d.compareTo(longestLock) > 0) d = longestLock;
        t.locks++;
        t.lockedUntil = now.plus(d);
        t.refused = 0;
        return d;
    }

    private Tracker tracker(String key, Instant now) {
        Tracker t = trackers.computeIfAbsent(key, k -> new Tracker());
        if (t.lockedUntil == null && t.lastFailure != null && t.lastFailure.plus(FORGET_AFTER).isBefore(now)) {
            t.failures = 0; // a quiet half hour: start over
            t.locks = 0;
        }
        return t;
    }

    private void forgetQuiet(Instant now) {
        trackers.entrySet().removeIf(e -> e.getValue().lockedUntil == null
                && (e.getValue().lastFailure == null || e.getValue().lastFailure.plus(FORGET_AFTER).isBefore(now)));
        if (trackers.size() > MAX_TRACKED) trackers.entrySet().removeIf(e -> e.getValue().lockedUntil == null);
    }

    private static List<String> keys(String account, String address) {
        return address == null ? List.of(key(Kind.ACCOUNT, account)) : List.of(key(Kind.ACCOUNT, account), key(Kind.ADDRESS, address));
    }

    private static String key(Kind kind, String name) {
        return kind + ":" + (name == null ? "" : name);
    }

    static String words(Duration d) {
        long s = Math.max(1, d.toSeconds());
        return s < 120 ? s + " s" : (s + 59) / 60 + " min";
    }
}
