package io.protoguard.model;

/** The visit a dose was dispensed at (SDTM EX VISIT), for protocols whose dose depends on the visit. */
public record DispensedAt(Dose dose, String visit) {}
