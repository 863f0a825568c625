package io.protoguard.model;

/** After ICH E3: an important deviation may affect data reliability or subject safety. */
public enum Severity { IMPORTANT, NON_IMPORTANT }
