package io.protoguard.model;

import io.protoguard.model.rules.VisitWindow;

/**
 * Derived: an assessment counts for a scheduled window, because its Visit names it ({@code named}) or
 * because its date falls in it. Once attributed, a window is not missed.
 */
public record Attribution(VisitWindow window, Assessment assessment, boolean named) {}
