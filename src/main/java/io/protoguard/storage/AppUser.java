package io.protoguard.storage;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A user added in the application (not from configuration); the password is only ever held hashed. {@code status} is
 * ACTIVE, DISABLED or REMOVED; {@code sites} are the site codes the user may see and upload.
 */
public record AppUser(String username, String passwordHash, List<String> roles, OffsetDateTime createdAt, String createdBy,
                      String status, List<String> sites) {
    public static final String ACTIVE = "ACTIVE", DISABLED = "DISABLED", REMOVED = "REMOVED";

    public AppUser {
        status = status == null ? ACTIVE : status;
        sites = sites == null ? List.of() : List.copyOf(sites);
    }

    public AppUser(String username, String passwordHash, List<String> roles, OffsetDateTime createdAt, String createdBy) {
        this(username, passwordHash, roles, createdAt, createdBy, ACTIVE, List.of());
    }

    public boolean active() {
        return ACTIVE.equals(status);
    }
}
