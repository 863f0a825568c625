package io.protoguard.model;

import java.time.LocalDate;
import java.time.ZoneId;

/** The as-of date (windows closing after it are pending) and the study's time zone, one per session. */
public record CheckContext(LocalDate asOf, ZoneId zone) {}
