package io.protoguard.engine;

import io.protoguard.model.When;
import java.math.BigDecimal;
import java.math.RoundingMode;
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

    /** 4.8 -> "4.8", 5.0 -> "5", 5.2849 -> "5.28": at most two decimals, rounded half up, no trailing zeros. */
    public static String num(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d);
        if (Double.isNaN(d) || Double.isInfinite(d) || Math.abs(d) >= 1e15) {
            return String.format(Locale.ROOT, "%.2f", d).replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        // BigDecimal, not String.format with two regexes: this runs for every dosing row of every subject
        // (the expected text), and the formatter showed in the profile. Same digits: both round the shortest
        // decimal form of the double half up (checked against the formatter on 3 million values).
        BigDecimal rounded = BigDecimal.valueOf(d).setScale(2, RoundingMode.HALF_UP);
        if (rounded.signum() == 0) return d < 0 ? "-0" : "0";
        return rounded.stripTrailingZeros().toPlainString();
    }

    public static String at(When w) {
        return w == null ? "not recorded" : w.text();
    }
}
