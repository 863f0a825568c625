package io.protoguard.engine;

import io.protoguard.model.When;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** How times and numbers read in deviation messages. */
public final class Texts {
    private Texts() {}

    /**
     * 62.5 -> "62:30 h"; -1.25 -> "-1:15 h"; seconds are shown when there are any, since they may be what
     * decides a bound (60:00:01 is outside 36:00 to 60:00): 60.0003 -> "60:00:01 h".
     */
    public static String hours(double hours) {
        long seconds = Math.round(Math.abs(hours) * 3600);
        String s = (hours < 0 && seconds > 0 ? "-" : "") + (seconds / 3600) + ":" + two(seconds / 60 % 60);
        return (seconds % 60 == 0 ? s : s + ":" + two(seconds % 60)) + " h";
    }

    private static String two(long v) {
        return v < 10 ? "0" + v : Long.toString(v);
    }

    /**
     * A value shown beside a bound it breaks: one more decimal than the bound is written with (5.281 beside
     * 5.28), and more while rounding would still make it read as the bound itself (4.3199 beside 4.32 reads
     * 4.3199, never 4.320), so the breach is visible in the message.
     */
    public static String beside(double value, double bound) {
        if (Double.isNaN(value) || Double.isInfinite(value)) return num(value);
        BigDecimal b = new BigDecimal(num(bound)); // the bound as messages show it (5.28, not 5.280000000000001)
        int scale = Math.max(0, b.scale()) + 1;
        BigDecimal v = BigDecimal.valueOf(value);
        BigDecimal shown = v.setScale(scale, RoundingMode.HALF_UP);
        while (shown.compareTo(b) == 0 && v.compareTo(b) != 0 && scale < 12) {
            shown = v.setScale(++scale, RoundingMode.HALF_UP);
        }
        return shown.toPlainString();
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
