package io.protoguard.engine;

import io.protoguard.model.Assessment;
import io.protoguard.model.Attribution;
import io.protoguard.model.CheckContext;
import io.protoguard.model.Subject;
import io.protoguard.model.rules.OutcomeRule;
import io.protoguard.model.rules.VisitWindow;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The outcomes the report derives from Outcomes table rows (mRS bands, improvement, death). */
public final class Outcomes {
    private Outcomes() {}

    public record Value(String value, String basis) {}

    public static Value derive(OutcomeRule r, Subject s, List<?> attributions, List<?> windows, CheckContext ctx) {
        return switch (r.kind()) {
            case AT_MOST -> atMost(r, s, attributions, windows, ctx);
            case IMPROVEMENT -> improvement(r, attributions);
            case DEATH_BY_DAY -> death(r, s);
        };
    }

    private static Value atMost(OutcomeRule r, Subject s, List<?> attributions, List<?> windows, CheckContext ctx) {
        if (s.diedAt() != null && s.randomizedAt() != null) {
            Optional<WindowSpan> span = windows.stream().map(w -> (VisitWindow) w)
                    .filter(w -> w.visit().equals(r.visit()) && w.test().equals(r.test()))
                    .map(w -> Windows.span(w, s, ctx)).filter(x -> x != null).findFirst();
            if (span.isEmpty() || !s.diedAt().date().isAfter(span.get().lastDay())) {
                return new Value(6 <= r.value() ? "yes" : "no", r.test() + " 6 (died " + s.diedAt().text() + ")");
            }
        }
        return find(attributions, r.visit(), r.test())
                .map(a -> new Value(a.number() <= r.value() ? "yes" : "no",
                        r.test() + " " + a.value() + " at " + r.visit() + " (" + a.performedAt().text() + ")"))
                .orElse(new Value("not available", "no " + r.test() + " at " + r.visit()));
    }

    private static Value improvement(OutcomeRule r, List<?> attributions) {
        Optional<Assessment> from = find(attributions, r.fromVisit(), r.test());
        Optional<Assessment> to = find(attributions, r.visit(), r.test());
        if (from.isEmpty() || to.isEmpty()) {
            return new Value("not available", "needs " + r.test() + " at " + r.fromVisit() + " and " + r.visit());
        }
        double fall = from.get().number() - to.get().number();
        return new Value(fall >= r.value() ? "yes" : "no", r.test() + " " + from.get().value() + " at " + r.fromVisit()
                + ", " + to.get().value() + " at " + r.visit() + " (fall " + Texts.num(fall) + ", needs >= "
                + Texts.num(r.value()) + ")");
    }

    private static Value death(OutcomeRule r, Subject s) {
        if (s.diedAt() == null || s.randomizedAt() == null) return new Value("no", "no DiedAt recorded");
        long day = s.diedAt().daysSince(s.randomizedAt());
        return new Value(day <= r.value() ? "yes" : "no", "died " + s.diedAt().text() + ", " + Texts.day(day));
    }

    /** The assessment counted for a visit; of several, the one nearest the start of follow-up, then by row. */
    private static Optional<Assessment> find(List<?> attributions, String visit, String test) {
        return attributions.stream().map(a -> (Attribution) a)
                .filter(a -> a.window().visit().equals(visit) && a.window().test().equals(test))
                .map(Attribution::assessment)
                .filter(a -> a.number() != null)
                .min(Comparator.comparing((Assessment a) -> a.performedAt().date()).thenComparing(a -> a.source().row()));
    }
}
