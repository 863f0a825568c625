package io.protoguard.engine;

import io.protoguard.model.When;
import io.protoguard.model.rules.VisitWindow;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A visit window placed on one subject's calendar. {@code from}/{@code to} are set for hour windows only;
 * {@code onDischarge} when an early discharge moved the window to the discharge date.
 */
public record WindowSpan(VisitWindow window, When origin, LocalDate firstDay, LocalDate lastDay, Instant from,
                         Instant to, boolean onDischarge) {

    public boolean hourly() {
        return window.unit() == VisitWindow.Unit.HOUR;
    }

    public String expected() {
        if (onDischarge) return "on the discharge date " + firstDay + " (discharged before the window opened)";
        if (hourly()) return window.describe();
        return window.describe() + ", " + firstDay + " to " + lastDay;
    }
}
