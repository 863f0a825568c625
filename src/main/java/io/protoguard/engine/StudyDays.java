package io.protoguard.engine;

import io.protoguard.model.rules.VisitDayWindow.Numbering;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Study-day numbering (SPEC sections 3 and 4). DAY0: the anchor's date is day 0, day n is n calendar days
 * later. SDTM: the anchor's date is day 1 and there is no day 0, so the day before it is day -1 (DY = date -
 * anchor + 1 on or after the anchor, date - anchor before it). Off by one here is the commonest error.
 */
public final class StudyDays {
    private StudyDays() {}

    public static long dayOf(LocalDate anchor, LocalDate date, Numbering numbering) {
        long diff = ChronoUnit.DAYS.between(anchor, date);
        if (numbering == Numbering.SDTM && diff >= 0) return diff + 1;
        return diff;
    }

    /** The first date on or after study day {@code day} ({@code lower}) or the last on or before it. */
    public static LocalDate dateOf(LocalDate anchor, double day, Numbering numbering, boolean lower) {
        long d = (long) (lower ? Math.ceil(day) : Math.floor(day));
        if (numbering == Numbering.DAY0) return anchor.plusDays(d);
        if (d == 0) d = lower ? 1 : -1; // SDTM has no day 0: a bound there reaches the nearest day inside
        return anchor.plusDays(d > 0 ? d - 1 : d);
    }

    /** "day 19" in the row's numbering, for messages. */
    public static String label(long day) {
        return "day " + day;
    }
}
