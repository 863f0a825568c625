package io.protoguard.pdlog;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** What a monitor entered for one deviation identity in the site's PD log; the newest entry per fingerprint applies. */
public record PdLogEntry(long id, String fingerprint, boolean reportedToIrb, LocalDate reportedOn, String correctiveAction,
                         String preventiveAction, String enteredBy, OffsetDateTime enteredAt) {}
