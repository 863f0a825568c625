package io.protoguard.intake;

import org.apache.poi.ss.usermodel.DateUtil;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * Formats numeric cells the way intake parses them, not the way Excel displays them: a date cell becomes
 * ISO text (with a time only if its format shows one) and any other number its exact stored value, so
 * 70 is "70" and 4.5 is "4.5" whatever decimals the cell format shows. Not a POI DataFormatter: building
 * one sets up locale-dependent formats intake never uses, which a cold check paid for.
 */
final class IsoCellFormatter {

    /** Quoted literals, escaped characters and bracketed colours/locales, none of which show a time. */
    private static final Pattern NOT_A_PART = Pattern.compile("\"[^\"]*\"|\\\\.|\\[(?![hms]+\\])[^\\]]*\\]",
            Pattern.CASE_INSENSITIVE);

    private final boolean date1904;

    IsoCellFormatter(boolean date1904) {
        this.date1904 = date1904;
    }

    /** A numeric cell's text, given its number format's id and code. */
    String format(double value, int formatIndex, String formatString) {
        if (formatString != null && DateUtil.isADateFormat(formatIndex, formatString)
                && DateUtil.isValidExcelDate(value)) {
            LocalDateTime dateTime = DateUtil.getLocalDateTime(value, date1904, true)
                    .truncatedTo(ChronoUnit.SECONDS);
            if (value < 1) return dateTime.toLocalTime().toString(); // a time of day with no date
            return showsTime(formatString) ? dateTime.toString() : dateTime.toLocalDate().toString();
        }
        return exact(value);
    }

    static boolean showsTime(String formatString) {
        String parts = NOT_A_PART.matcher(formatString).replaceAll("").toLowerCase();
        return parts.indexOf('h') >= 0 || parts.indexOf('s') >= 0;
    }

    static String exact(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) return Double.toString(value);
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
