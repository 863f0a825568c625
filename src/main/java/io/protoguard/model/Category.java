package io.protoguard.model;

/** Deviation categories of SPEC section 6. */
public enum Category { ELIGIBILITY, CONSENT, DOSING, VISIT_WINDOW, MISSED_ASSESSMENT, SAFETY, DATA_QUALITY }
