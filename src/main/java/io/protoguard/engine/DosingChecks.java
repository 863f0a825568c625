package io.protoguard.engine;

import io.protoguard.model.CheckContext;
import io.protoguard.model.Dose;
import io.protoguard.model.Subject;
import io.protoguard.model.rules.DosingRule;
import java.util.List;

/** Dispatches a Dosing table row to the check its Check column names. */
public final class DosingChecks {
    private DosingChecks() {}

    public static List<Finding> judge(DosingRule r, Subject s, List<Dose> doses, CheckContext ctx) {
        return switch (r.check()) {
            case GIVEN -> Dosing.given(r, s, doses, ctx);
            case NOT_GIVEN -> Dosing.notGiven(r, s, doses);
            case START_WITHIN_AFTER_RANDOMIZATION -> Dosing.start(r, s, doses, false, ctx);
            case START_WITHIN_AFTER_ONSET -> Dosing.start(r, s, doses, true, ctx);
            case NOT_BEFORE_RANDOMIZATION -> Dosing.notBefore(r, s, doses);
            case RATE_PER_KG_DAY -> Dosing.rate(r, s, doses);
            case COURSE_DURATION -> Dosing.course(r, s, doses, ctx);
            case DOSE_MIN -> Dosing.amount(r, doses, true);
            case DOSE_MAX -> Dosing.amount(r, doses, false);
            case DAILY_DOSE_MIN -> DailyDoses.judge(r, doses, true);
            case DAILY_DOSE_MAX -> DailyDoses.judge(r, doses, false);
        };
    }
}
