package io.protoguard.protocol;

import io.protoguard.model.rules.OutcomeRule;
import io.protoguard.model.rules.ProtocolRule;
import io.protoguard.model.rules.VisitWindow;
import io.protoguard.protocol.RuleTableSheet.Column;
import io.protoguard.protocol.RuleTableSheet.RuleRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks of meaning that compile fine but say something the author did not mean: a visit or test no
 * schedule defines, two windows of one test that overlap (an assessment could count for either).
 */
public final class ProtocolLint {
    private ProtocolLint() {}

    public static List<ProtocolProblem> check(LoadedProtocol p) {
        List<ProtocolProblem> out = new ArrayList<>();
        List<VisitWindow> windows = p.windows();
        Set<String> visits = windows.stream().map(VisitWindow::visit).collect(Collectors.toSet());
        for (ProtocolRule r : p.rules()) {
            if (!(r instanceof OutcomeRule o) || o.kind() == OutcomeRule.Kind.DEATH_BY_DAY) continue;
            for (String[] ref : new String[][] {{"Visit", o.visit()}, {"FromVisit", o.fromVisit()}}) {
                if (ref[1] == null) continue;
                boolean scheduled = windows.stream().anyMatch(w -> w.visit().equals(ref[1]) && w.test().equals(o.test()));
                if (!scheduled) {
                    out.add(at(p, o.ruleId(), ref[0], (visits.contains(ref[1]) ? "visit " + ref[1] + " schedules no " + o.test()
                            : "visit " + ref[1] + " is not in any Schedule table") + "; use one of " + visits));
                }
            }
        }
        for (int i = 0; i < windows.size(); i++) {
            for (int j = i + 1; j < windows.size(); j++) {
                VisitWindow a = windows.get(i), b = windows.get(j);
                if (!a.test().equals(b.test()) || !java.util.Objects.equals(a.arm(), b.arm())) continue;
                if (a.visit().equals(b.visit())) {
                    out.add(at(p, b.ruleId(), "Visit", "visit " + b.visit() + " schedules " + b.test() + " twice (also "
                            + a.ruleId() + "); keep one row"));
                } else if (overlap(a, b)) {
                    out.add(at(p, b.ruleId(), "Target", "the " + b.visit() + " window of " + b.test() + " (" + b.describe()
                            + ") overlaps the " + a.visit() + " window (" + a.describe() + ", " + a.ruleId()
                            + "); an assessment could count for either, so narrow one of them"));
                }
            }
        }
        return out;
    }

    /** In hours from randomization; a day window covers its days whole (day d = [24d, 24d + 24)). */
    static boolean overlap(VisitWindow a, VisitWindow b) {
        double[] x = hours(a), y = hours(b);
        return x[0] < y[1] && y[0] < x[1];
    }

    private static double[] hours(VisitWindow w) {
        if (w.unit() == VisitWindow.Unit.HOUR) return new double[] {w.from(), w.to() + 1e-6};
        return new double[] {Math.ceil(w.from()) * 24, (Math.floor(w.to()) + 1) * 24};
    }

    /** The cell of {@code column} in the row whose RuleId is {@code ruleId}. */
    static ProtocolProblem at(LoadedProtocol p, String ruleId, String column, String message) {
        for (RuleTableSheet t : p.tables()) {
            Column id = t.column("RuleId");
            if (id == null) continue;
            for (RuleRow r : t.rows()) {
                if (!ruleId.equals(r.cell(id))) continue;
                Column c = t.column(column);
                return new ProtocolProblem(t.file(), t.sheet(), (c == null ? id : c).letter() + r.excelRow(), message);
            }
        }
        return new ProtocolProblem(null, null, null, ruleId + ": " + message);
    }
}
