package io.protoguard.security;

import java.util.List;

/** MONITOR uploads and reads; AUTHOR also manages protocol tables; ADMIN also manages users. Higher roles include lower. */
public final class Roles {
    public static final String MONITOR = "MONITOR", AUTHOR = "AUTHOR", ADMIN = "ADMIN";
    public static final List<String> ALL = List.of(MONITOR, AUTHOR, ADMIN);

    private Roles() {}

    public static String normalise(String role) {
        String r = role == null ? "" : role.trim().toUpperCase(java.util.Locale.ROOT);
        if (r.startsWith("ROLE_")) r = r.substring(5);
        if (!ALL.contains(r)) throw new IllegalArgumentException("unknown role \"" + role + "\"; roles: " + String.join(", ", ALL));
        return r;
    }
}
