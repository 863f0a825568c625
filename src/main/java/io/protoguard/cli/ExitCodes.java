package io.protoguard.cli;

/** Exit statuses of SPEC section 7. */
final class ExitCodes {
    static final int CLEAN = 0;
    static final int DEVIATIONS = 1;
    static final int INPUT_ERRORS = 2;

    private ExitCodes() {}
}
