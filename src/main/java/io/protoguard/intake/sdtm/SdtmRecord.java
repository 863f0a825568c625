package io.protoguard.intake.sdtm;

import java.util.Map;

/**
 * One record of an SDTM domain as read from any format. {@code row} is the record's number in its file,
 * counting data records only (the first record is 1 in every format, so the same study gives the same source
 * rows from XPT, Dataset-JSON and CSV). Values: character variables as trimmed text ("" when blank), numeric
 * variables as {@link Double} (null when missing, whichever SAS missing code was written).
 */
public record SdtmRecord(String file, String domain, int row, Map<String, Object> values) {

    /** The variable as text: a number without a needless ".0", "" when missing or absent. */
    public String text(String variable) {
        Object v = values.get(variable);
        if (v == null) return "";
        if (v instanceof Double d) return d == Math.rint(d) && !d.isInfinite() ? Long.toString(d.longValue()) : d.toString();
        return v.toString().trim();
    }

    public boolean has(String variable) {
        return !text(variable).isEmpty();
    }
}
