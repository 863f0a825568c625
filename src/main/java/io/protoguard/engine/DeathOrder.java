package io.protoguard.engine;

import io.protoguard.model.Category;
import io.protoguard.model.DispensedAt;
import io.protoguard.model.Subject;
import io.protoguard.model.SubjectData;
import io.protoguard.model.VisitRecord;
import io.protoguard.model.When;
import io.protoguard.model.rules.AfterDeathRule;
import java.util.ArrayList;
import java.util.List;

/** Records dated after death (SPEC section 4): one DATA_QUALITY finding per record, and nothing else on it. */
public final class DeathOrder {
    private DeathOrder() {}

    /** Dated after the day of death (a date-only death cannot order records of the same day). */
    public static boolean afterDeath(When at, Subject s) {
        return at != null && s.diedAt() != null && at.date().isAfter(s.diedAt().date());
    }

    public static List<Finding> judge(AfterDeathRule r, SubjectData data) {
        Subject s = data.subject();
        if (s.diedAt() == null) return List.of();
        List<Finding> out = new ArrayList<>();
        String died = "died " + s.diedAt().text();
        if (r.record() == AfterDeathRule.Record.VISIT) {
            for (VisitRecord v : VisitSchedule.visits(data)) {
                if (!afterDeath(v.at(), s)) continue;
                out.add(new Finding(Category.DATA_QUALITY, v.visit(), v.at().date(),
                        "Visit " + v.visit() + " is dated " + v.at().text() + ", after the subject's death on " + s.diedAt().text(),
                        "no visit after death (" + died + ")", "visit on " + v.at().text(), v.source()));
            }
        } else {
            for (Object o : data.extras()) {
                if (!(o instanceof DispensedAt d) || !afterDeath(d.dose().startAt(), s)) continue;
                out.add(new Finding(Category.DATA_QUALITY, d.visit(), d.dose().startAt().date(),
                        "Dose of " + d.dose().treatment() + " starting " + d.dose().startAt().text() + " is dated after the subject's death on "
                                + s.diedAt().text(), "no dose after death (" + died + ")", "dose starting " + d.dose().startAt().text(),
                        d.dose().source()));
            }
        }
        return out;
    }
}
