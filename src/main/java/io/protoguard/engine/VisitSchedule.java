package io.protoguard.engine;

import io.protoguard.model.Category;
import io.protoguard.model.CheckContext;
import io.protoguard.model.Participation;
import io.protoguard.model.Subject;
import io.protoguard.model.SubjectData;
import io.protoguard.model.VisitRecord;
import io.protoguard.model.When;
import io.protoguard.model.rules.VisitDayWindow;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Windows on visits done (SPEC sections 3 and 5): a visit whose name is a window's visit belongs to that
 * window (never matched by visit number); outside it, it is VISIT_WINDOW; a closed window with no such visit
 * at all is MISSED_ASSESSMENT while the subject was still on study when it closed. Visits dated after death
 * are judged only by the AfterDeath rows.
 */
public final class VisitSchedule {
    private VisitSchedule() {}

    public static List<Finding> judge(VisitDayWindow w, SubjectData data, CheckContext ctx) {
        Subject s = data.subject();
        if (s.randomizedAt() == null) return List.of();
        LocalDate anchor = s.randomizedAt().date();
        LocalDate first = firstDay(w, anchor), last = lastDay(w, anchor);
        String expected = expected(w, anchor);
        List<Finding> out = new ArrayList<>();
        boolean any = false;
        for (VisitRecord v : visits(data)) {
            if (!v.visit().equalsIgnoreCase(w.visit())) continue;
            any = true;
            if (v.at() == null || DeathOrder.afterDeath(v.at(), s)) continue;
            LocalDate on = v.at().date();
            if (on.isBefore(first) || on.isAfter(last)) {
                String at = "study " + StudyDays.label(StudyDays.dayOf(anchor, on, w.numbering())) + ", " + v.at().text();
                out.add(new Finding(Category.VISIT_WINDOW, v.visit(), on,
                        v.visit() + " took place outside its window: " + at, expected, at, v.source()));
            }
        }
        if (!any && ctx.asOf().isAfter(last) && onStudyAfter(data, last)) {
            out.add(new Finding(Category.MISSED_ASSESSMENT, w.visit(), last,
                    "No " + w.visit() + " visit: its window closed on " + last, w.visit() + " " + expected, "none recorded",
                    s.source()));
        }
        return out;
    }

    public static LocalDate firstDay(VisitDayWindow w, LocalDate anchor) {
        return StudyDays.dateOf(anchor, w.from(), w.numbering(), true);
    }

    public static LocalDate lastDay(VisitDayWindow w, LocalDate anchor) {
        return StudyDays.dateOf(anchor, w.to(), w.numbering(), false);
    }

    /** The window in words and dates, as findings and the timeline show it. */
    public static String expected(VisitDayWindow w, LocalDate anchor) {
        return describe(w) + ", " + firstDay(w, anchor) + " to " + lastDay(w, anchor);
    }

    /** "study day 14 ±3 (day 11 to 17, day 1 = anchor)" */
    static String describe(VisitDayWindow w) {
        String span = "day " + num(w.from()) + " to " + num(w.to());
        String origin = w.numbering() == VisitDayWindow.Numbering.SDTM ? "day 1 = first dose (RFSTDTC)" : "day 0 = randomization";
        if (w.minus() == 0 && w.plus() == 0) return "on study day " + num(w.target()) + " (" + origin + ")";
        String width = w.windowSource() == null ? "" : "; width: " + w.windowSource().toLowerCase() + "'s monitoring window";
        if (w.minus() == w.plus()) return "study day " + num(w.target()) + " ±" + num(w.plus()) + " (" + span + ", " + origin + width + ")";
        return "study " + span + " (" + origin + width + ")";
    }

    private static String num(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    /** Participation ends at the disposition date, death or withdrawal, whichever is first; ending on the last day ends the expectation. */
    static boolean onStudyAfter(SubjectData data, LocalDate lastDay) {
        LocalDate end = endOfParticipation(data);
        return end == null || end.isAfter(lastDay);
    }

    public static LocalDate endOfParticipation(SubjectData data) {
        LocalDate end = null;
        When died = data.subject().diedAt(), withdrawn = data.subject().withdrawnAt();
        if (died != null) end = died.date();
        if (withdrawn != null && (end == null || withdrawn.date().isBefore(end))) end = withdrawn.date();
        for (Object o : data.extras()) {
            if (o instanceof Participation p && p.endedOn() != null && (end == null || p.endedOn().isBefore(end))) end = p.endedOn();
        }
        return end;
    }

    public static List<VisitRecord> visits(SubjectData data) {
        List<VisitRecord> out = new ArrayList<>();
        for (Object o : data.extras()) if (o instanceof VisitRecord v) out.add(v);
        return out;
    }
}
