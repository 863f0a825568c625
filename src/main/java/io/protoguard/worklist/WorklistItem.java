package io.protoguard.worklist;

import java.time.LocalDate;

/**
 * One window of a subject still on study that is open on the as-of date or opens within the look-ahead, with what is
 * still missing in it. {@code daysLeft}: from the as-of date to the window's last day (0 = today is the last day);
 * {@code opensInDays}: 0 when open already.
 */
public record WorklistItem(String subjectId, String site, String visit, String test, LocalDate firstDay, LocalDate lastDay,
                           long daysLeft, long opensInDays, String ruleId) {

    public boolean open() {
        return opensInDays == 0;
    }
}
