package io.protoguard.security;

/**
 * An account's password, role or status changed (or it was removed): its cached API credentials and its browser
 * sessions must not outlive the change. Published synchronously, so the effect is immediate.
 */
public record AccountChanged(String username, String what) {}
