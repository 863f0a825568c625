package io.protoguard.engine;

import io.protoguard.model.Category;
import io.protoguard.model.SourceRef;
import java.time.LocalDate;

/** A judgement a helper function hands back to a rule, which reports it under its table row. */
public record Finding(Category category, String visit, LocalDate occurredOn, String message, String expected,
                      String actual, SourceRef source) {}
