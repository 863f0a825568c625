package io.protoguard.storage;

import java.time.OffsetDateTime;

/** One line of the audit log: who did what, when, from where. */
public record AuditEvent(long id, OffsetDateTime at, String actor, String action, String detail, String remoteAddr) {}
