package io.protoguard.engine;

import io.protoguard.model.Category;
import io.protoguard.model.DispensedAt;
import io.protoguard.model.Dose;
import io.protoguard.model.Subject;
import io.protoguard.model.SubjectData;
import io.protoguard.model.rules.DispensedDoseRule;
import java.util.ArrayList;
import java.util.List;

/**
 * Doses by dispensing visit (SPEC section 5, cdiscpilot01): each recorded dose is judged against its arm's row
 * for the visit it was dispensed at, or the arm's row without a visit. Doses dated after death are left to the
 * AfterDeath rows; a visit with no dose record is not judged.
 */
public final class Dispensing {
    private Dispensing() {}

    public record Judged(DispensedDoseRule rule, Finding finding) {}

    public static List<Judged> judge(List<?> rows, SubjectData data) {
        Subject s = data.subject();
        List<Judged> out = new ArrayList<>();
        if (s.arm() == null) return out;
        for (Object o : data.extras()) {
            if (!(o instanceof DispensedAt d)) continue;
            Dose dose = d.dose();
            if (DeathOrder.afterDeath(dose.startAt(), s)) continue;
            DispensedDoseRule rule = rowFor(rows, s.arm(), d.visit());
            if (rule == null) continue;
            boolean right = rule.treatment().equalsIgnoreCase(dose.treatment()) && Math.abs(rule.dose() - dose.dose()) < 1e-9
                    && rule.unit().equalsIgnoreCase(dose.unit() == null ? "" : dose.unit());
            if (right) continue;
            String expected = rule.treatment() + " " + Texts.num(rule.dose()) + " " + rule.unit() + " for arm " + rule.arm()
                    + (rule.visit() == null ? "" : " at " + rule.visit());
            String actual = dose.treatment() + " " + Texts.num(dose.dose()) + " " + (dose.unit() == null ? "" : dose.unit());
            out.add(new Judged(rule, new Finding(Category.DOSING, d.visit(), dose.startAt() == null ? null : dose.startAt().date(),
                    "Dose dispensed at " + d.visit() + " was " + actual.trim() + ", expected " + expected, expected, actual.trim(),
                    dose.source())));
        }
        return out;
    }

    private static DispensedDoseRule rowFor(List<?> rows, String arm, String visit) {
        DispensedDoseRule any = null;
        for (Object o : rows) {
            DispensedDoseRule r = (DispensedDoseRule) o;
            if (!r.arm().equalsIgnoreCase(arm)) continue;
            if (r.visit() == null) any = any == null ? r : any;
            else if (visit != null && r.visit().equalsIgnoreCase(visit)) return r;
        }
        return any;
    }
}
