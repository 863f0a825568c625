package io.protoguard.storage;

import java.time.OffsetDateTime;
import java.util.List;

/** A user added in the application (not from configuration); the password is only ever held hashed. */
public record AppUser(String username, String passwordHash, List<String> roles, OffsetDateTime createdAt, String createdBy) {}
