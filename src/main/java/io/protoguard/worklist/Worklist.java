package io.protoguard.worklist;

import io.protoguard.engine.VisitSchedule;
import io.protoguard.engine.WindowSpan;
import io.protoguard.engine.Windows;
import io.protoguard.model.Assessment;
import io.protoguard.model.CheckContext;
import io.protoguard.model.Participation;
import io.protoguard.model.Subject;
import io.protoguard.model.SubjectData;
import io.protoguard.model.When;
import io.protoguard.model.rules.VisitDayWindow;
import io.protoguard.model.rules.VisitWindow;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What is coming due (issue 13, part 2): for every subject still on study, each visit window open on the as-of date
 * or opening within {@code days}, whose assessment is not recorded yet, ordered by last day. Windows are placed with
 * the engine's own arithmetic ({@link Windows#span}), so the worklist and tomorrow's deviations cannot disagree.
 * Schedule rows (VisitWindow) are listed per test; visit-day rows (VisitDayWindow: the SDTM protocols, SPEC 3/5) per
 * visit, placed with {@link VisitSchedule}'s own dates, and done once any visit of that name is recorded (the engine
 * then judges its date, it does not call it missed).
 */
public final class Worklist {
    public static final int DEFAULT_DAYS = 7;
    /** What is missing for a visit-day window: the visit itself. */
    public static final String VISIT = "(visit)";

    private Worklist() {}

    public static List<WorklistItem> of(List<VisitWindow> windows, List<SubjectData> subjects, CheckContext ctx, int days) {
        LocalDate asOf = ctx.asOf(), horizon = asOf.plusDays(days);
        List<WorklistItem> out = new ArrayList<>();
        for (SubjectData data : subjects) {
            Subject s = data.subject();
            if (!onStudy(data, asOf)) continue;
            for (VisitWindow w : windows) {
                if (!Windows.appliesTo(w.arm(), s)) continue;
                WindowSpan span = Windows.span(w, s, ctx);
                if (span == null || span.lastDay().isBefore(asOf) || span.firstDay().isAfter(horizon)) continue;
                if (done(data, w, span)) continue;
                long opensIn = span.firstDay().isAfter(asOf) ? ChronoUnit.DAYS.between(asOf, span.firstDay()) : 0;
                out.add(new WorklistItem(s.subjectId(), s.site(), w.visit(), w.test(), span.firstDay(), span.lastDay(),
                        ChronoUnit.DAYS.between(asOf, span.lastDay()), opensIn, w.ruleId()));
            }
        }
        sort(out);
        return out;
    }

    /** The visit-day windows (cdiscpilot01): "Missing" is the visit itself, as {@link #VISIT}. */
    public static List<WorklistItem> ofVisits(List<VisitDayWindow> windows, List<SubjectData> subjects, CheckContext ctx, int days) {
        LocalDate asOf = ctx.asOf(), horizon = asOf.plusDays(days);
        List<WorklistItem> out = new ArrayList<>();
        for (SubjectData data : subjects) {
            Subject s = data.subject();
            if (!onStudy(data, asOf)) continue;
            LocalDate anchor = s.randomizedAt().date();
            for (VisitDayWindow w : windows) {
                LocalDate first = VisitSchedule.firstDay(w, anchor), last = VisitSchedule.lastDay(w, anchor);
                if (last.isBefore(asOf) || first.isAfter(horizon)) continue;
                if (VisitSchedule.visits(data).stream().anyMatch(v -> v.visit().equalsIgnoreCase(w.visit()))) continue;
                long opensIn = first.isAfter(asOf) ? ChronoUnit.DAYS.between(asOf, first) : 0;
                out.add(new WorklistItem(s.subjectId(), s.site(), w.visit(), VISIT, first, last,
                        ChronoUnit.DAYS.between(asOf, last), opensIn, w.ruleId()));
            }
        }
        sort(out);
        return out;
    }

    /** By last day, then subject, visit and test: the order of the page, the exports and the nightly sheet. */
    public static void sort(List<WorklistItem> items) {
        items.sort(Comparator.comparing(WorklistItem::lastDay).thenComparing(WorklistItem::subjectId)
                .thenComparing(WorklistItem::visit).thenComparing(WorklistItem::test));
    }

    /** Randomized by the as-of date, and not dead, withdrawn or ended by disposition on or before the as-of date. */
    static boolean onStudy(SubjectData data, LocalDate asOf) {
        Subject s = data.subject();
        if (s.randomizedAt() == null || s.randomizedAt().date().isAfter(asOf)) return false;
        When end = s.endOfFollowUp();
        if (end != null && end.date() != null && !end.date().isAfter(asOf)) return false;
        for (Object extra : data.extras()) {
            if (extra instanceof Participation p && p.endedOn() != null && !p.endedOn().isAfter(asOf)) return false;
        }
        return true;
    }

    /** Recorded for this visit (by name), or, without a visit name, at a time the window holds. */
    private static boolean done(SubjectData data, VisitWindow w, WindowSpan span) {
        for (Assessment a : data.assessments()) {
            if (a.test() == null || !a.test().equalsIgnoreCase(w.test()) || a.performedAt() == null) continue;
            if (a.visit() != null ? a.visit().equalsIgnoreCase(w.visit()) : Windows.holds(span, a)) return true;
        }
        return false;
    }
}
