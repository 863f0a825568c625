package io.protoguard.web;

import io.protoguard.engine.VisitSchedule;
import io.protoguard.model.CheckContext;
import io.protoguard.model.SubjectData;
import io.protoguard.model.VisitRecord;
import io.protoguard.model.rules.VisitDayWindow;
import io.protoguard.protocol.LoadedProtocol;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The timeline's lanes for windows on visits (the Visits table) and the visits done (SDTM SV), placed with
 * the engine's own window arithmetic ({@link VisitSchedule}), so picture and deviation table agree. A visit
 * no window names (screening, unscheduled, follow-up) is drawn in the unscheduled lane.
 */
final class VisitLanes {
    private VisitLanes() {}

    static List<SubjectTimeline.Lane> of(LoadedProtocol protocol, CheckContext ctx, SubjectData data, List<SubjectTimeline.Dot> unscheduled) {
        List<SubjectTimeline.Lane> lanes = new ArrayList<>();
        List<VisitRecord> visits = VisitSchedule.visits(data);
        if (data.subject().randomizedAt() == null) return lanes;
        LocalDate day0 = data.subject().randomizedAt().date();
        List<VisitDayWindow> windows = protocol.rules().stream().filter(r -> r instanceof VisitDayWindow).map(r -> (VisitDayWindow) r)
                .sorted((a, b) -> Double.compare(a.target(), b.target())).toList();
        List<VisitRecord> placed = new ArrayList<>();
        for (VisitDayWindow w : windows) {
            LocalDate first = VisitSchedule.firstDay(w, day0), last = VisitSchedule.lastDay(w, day0);
            List<SubjectTimeline.Dot> dots = new ArrayList<>();
            for (VisitRecord v : visits) {
                if (!v.visit().equalsIgnoreCase(w.visit()) || v.at() == null) continue;
                placed.add(v);
                boolean in = !v.at().date().isBefore(first) && !v.at().date().isAfter(last);
                dots.add(dot(day0, v, in ? "IN" : "OUT"));
            }
            lanes.add(new SubjectTimeline.Lane(w.visit(), "visit", (double) ChronoUnit.DAYS.between(day0, first),
                    ChronoUnit.DAYS.between(day0, last) + 1.0, VisitSchedule.expected(w, day0), !ctx.asOf().isAfter(last), dots));
        }
        for (VisitRecord v : visits) if (!placed.contains(v) && v.at() != null) unscheduled.add(dot(day0, v, "UNSCHEDULED"));
        return lanes;
    }

    private static SubjectTimeline.Dot dot(LocalDate day0, VisitRecord v, String status) {
        return new SubjectTimeline.Dot(ChronoUnit.DAYS.between(day0, v.at().date()) + 0.5, v.at().text(), "visit", v.visit(), status,
                !v.at().hasTime());
    }
}
