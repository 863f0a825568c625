package io.protoguard.model;

import java.time.LocalDate;

/** A protocol's descriptor: id, title, version label and the date that version took effect. */
public record ProtocolInfo(String id, String title, String version, LocalDate effectiveDate) {}
