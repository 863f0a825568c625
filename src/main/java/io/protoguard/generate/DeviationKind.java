package io.protoguard.generate;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of sivelestat-evt deviation the generator can inject, each with the table row that must flag it
 * (so a test can check the engine finds what was planted) and a default rate per subject.
 */
public enum DeviationKind {
    LATE_H48("late-h48", "SCH-H48-NIHSS", 0.02),
    LATE_D90("late-d90", "SCH-D90-MRS", 0.01),
    MISSED_D90("missed-d90", "SCH-D90-MRS", 0.02),
    MISSED_IMAGING("missed-img48", "SCH-IMG48", 0.01),
    LATE_DOSE("late-dose", "DOSE-START-2H", 0.02),
    WRONG_RATE("wrong-rate", "DOSE-RATE", 0.01),
    SHORT_COURSE("short-course", "DOSE-COURSE-5D", 0.01),
    LATE_CONSENT("late-consent", "CONSENT-BEFORE-RAND", 0.005),
    LATE_ONSET("late-onset", "ELIG-ONSET-24H", 0.005),
    NO_LVO("no-lvo", "ELIG-LVO", 0.005),
    OUT_OF_RANGE("out-of-range", "RNG-BARTHEL", 0.005),
    SICH_DISAGREE("sich-disagree", "SICH-SITE-CLASS", 0.005),
    LATE_SAE("late-sae", "SICH-SAE-24H", 0.005);

    private final String option;
    private final String ruleId;
    private final double defaultRate;

    DeviationKind(String option, String ruleId, double defaultRate) {
        this.option = option;
        this.ruleId = ruleId;
        this.defaultRate = defaultRate;
    }

    /** The name used in {@code --rate late-h48=0.02}. */
    public String option() {
        return option;
    }

    /** The decision-table row that flags this kind. */
    public String ruleId() {
        return ruleId;
    }

    public double defaultRate() {
        return defaultRate;
    }

    public static Optional<DeviationKind> byOption(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.option.equals(n)).findFirst();
    }
}
