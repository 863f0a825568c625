package io.protoguard.engine;

import io.protoguard.model.When;
import io.protoguard.model.rules.VisitWindow;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A visit window placed on one subject's calendar. {@code from}/{@code to} are set for hour windows only;
 * {@code dischargeDay} is set when an early discharge lets the discharge date satisfy the window too (the
 * protocol's "after randomization or discharge": either day counts). {@code zone} is the calendar a date
 * without a time is read in: randomization's written offset, else the study zone.
 */
public record WindowSpan(VisitWindow window, When origin, LocalDate firstDay, LocalDate lastDay, Instant from,
                         Instant to, LocalDate dischargeDay, ZoneId zone) {

    public boolean hourly() {
        return window.unit() == VisitWindow.Unit.HOUR;
    }

    public String expected() {
        if (hourly()) return window.describe();
        String days = window.describe() + ", " + firstDay + " to " + lastDay;
        if (dischargeDay != null) days += ", or on the discharge date " + dischargeDay;
        return days + calendar();
    }

    /** Which calendar the dates are in, when randomization was written with an offset: " (dates as written, UTC+08:00)". */
    private String calendar() {
        ZoneOffset written = origin.writtenOffset();
        return written == null ? "" : " (dates as written, UTC" + (written.getTotalSeconds() == 0 ? "" : written.getId()) + ")";
    }
}
