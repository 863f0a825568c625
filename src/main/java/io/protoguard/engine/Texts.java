package io.protoguard.engine;

import io.protoguard.model.When;
import java.util.Locale;

/** How times and numbers read in deviation messages. */
public final class Texts {
    private Texts() {}

    /** 62.5 -> "62:30 h"; -1.25 -> "-1:15 h". */
    public static String hours(double hours) {
        long minutes = Math.round(Math.abs(hours) * 60);
        return (hours < 0 ? "-" : "") + (minutes / 60) + ":" + String.format(Locale.ROOT, "%02d", minutes % 60) + " h";
    }

    /** Elapsed day with its SDTM study day beside it (SDTM has no day 0). */
    public static String day(long day) {
        long sdtm = day >= 0 ? day + 1 : day;
        return "day " + day + " (study day " + sdtm + ")";
    }

    public static String num(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d);
        return String.format(Locale.ROOT, "%.2f", d).replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    public static String at(When w) {
        return w == null ? "not recorded" : w.text();
    }
}
