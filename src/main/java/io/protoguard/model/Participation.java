package io.protoguard.model;

import java.time.LocalDate;

/**
 * The end of a subject's participation from a disposition record (SDTM DS, category DISPOSITION EVENT):
 * its date and decode (COMPLETED, ADVERSE EVENT, ...). Protocols that end expectations at disposition,
 * whatever the reason, read this; a non-COMPLETED decode is also the subject's withdrawal.
 */
public record Participation(String subjectId, LocalDate endedOn, String reason, SourceRef source) {}
