package io.protoguard.web;

import io.protoguard.engine.WindowSpan;
import io.protoguard.engine.Windows;
import io.protoguard.model.Assessment;
import io.protoguard.model.CheckContext;
import io.protoguard.model.ClinicalEvent;
import io.protoguard.model.Dose;
import io.protoguard.model.Subject;
import io.protoguard.model.SubjectData;
import io.protoguard.model.When;
import io.protoguard.model.rules.VisitWindow;
import io.protoguard.protocol.LoadedProtocol;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Places a subject's visit windows and assessments on one axis with the engine's own window arithmetic
 * ({@link Windows#span}, {@link Windows#holds}), so the picture and the deviation table cannot disagree.
 */
final class TimelineBuilder {
    private final LoadedProtocol protocol;
    private final CheckContext ctx;

    TimelineBuilder(LoadedProtocol protocol, CheckContext ctx) {
        this.protocol = protocol;
        this.ctx = ctx;
    }

    /** Null when the subject has no randomization date (nothing can be placed). */
    SubjectTimeline build(SubjectData data) {
        Subject s = data.subject();
        if (s.randomizedAt() == null) return null;
        LocalDate day0 = s.randomizedAt().date();
        Map<String, Integer> order = protocol.visitOrder();
        Map<String, LaneBuilder> lanes = new LinkedHashMap<>();
        protocol.windows().stream()
                .filter(w -> Windows.appliesTo(w.arm(), s))
                .sorted(Comparator.comparing((VisitWindow w) -> order.getOrDefault(w.visit(), 999)).thenComparing(VisitWindow::test))
                .forEach(w -> lanes.putIfAbsent(w.visit() + "\u0000" + w.test(), new LaneBuilder(w, Windows.span(w, s, ctx))));
        LaneBuilder unscheduled = new LaneBuilder(null, null);
        for (Assessment a : data.assessments()) {
            LaneBuilder lane = a.visit() == null ? null : lanes.get(a.visit() + "\u0000" + a.test());
            String status;
            if (lane != null) {
                status = lane.span != null && Windows.holds(lane.span, a) && !Windows.timeMissing(lane.span, a) ? "IN" : "OUT";
            } else if (a.visit() == null) {
                List<WindowSpan> holding = Windows.holding(protocol.windows(), s, a, ctx);
                lane = holding.isEmpty() ? null : lanes.get(holding.get(0).window().visit() + "\u0000" + a.test());
                status = lane == null ? "UNSCHEDULED" : "IN";
            } else {
                status = "UNSCHEDULED";
            }
            if (lane == null) lane = unscheduled;
            When at = a.performedAt();
            lane.dots.add(new SubjectTimeline.Dot(position(day0, at), at.text(), a.test(), a.value(), status, !at.hasTime()));
        }
        List<SubjectTimeline.Lane> built = new ArrayList<>();
        for (LaneBuilder b : lanes.values()) built.add(b.lane(day0));
        built.addAll(VisitLanes.of(protocol, ctx, data, unscheduled.dots)); // windows on visits done (SDTM SV)
        if (!unscheduled.dots.isEmpty()) built.add(unscheduled.lane(day0));
        List<SubjectTimeline.Marker> markers = new ArrayList<>();
        marker(markers, "DISCHARGED", s.dischargedAt(), day0);
        marker(markers, "WITHDRAWN", s.withdrawnAt(), day0);
        marker(markers, "DIED", s.diedAt(), day0);
        double asOf = ChronoUnit.DAYS.between(day0, ctx.asOf()) + 1.0; // the end of the as-of day
        return new SubjectTimeline(s.subjectId(), s.arm(), s.randomizedAt().text(), asOf, built, markers, day0.toString(),
                doses(data, day0), events(data, day0));
    }

    private List<SubjectTimeline.DoseBar> doses(SubjectData data, LocalDate day0) {
        List<SubjectTimeline.DoseBar> bars = new ArrayList<>();
        for (Dose d : data.doses()) {
            if (d.startAt() == null) continue;
            Double to = d.endAt() == null ? null : position(day0, d.endAt());
            String amount = (d.dose() == Math.rint(d.dose()) ? String.valueOf((long) d.dose()) : String.valueOf(d.dose()))
                    + (d.unit() == null ? "" : " " + d.unit());
            bars.add(new SubjectTimeline.DoseBar(d.treatment(), position(day0, d.startAt()), to, d.startAt().text(),
                    d.endAt() == null ? null : d.endAt().text(), amount));
        }
        return bars;
    }

    private List<SubjectTimeline.EventMark> events(SubjectData data, LocalDate day0) {
        List<SubjectTimeline.EventMark> marks = new ArrayList<>();
        for (ClinicalEvent e : data.events()) {
            String detail = e.heidelbergClass() == null ? e.type() : e.type() + " " + e.heidelbergClass();
            if (e.detectedAt() != null) {
                marks.add(new SubjectTimeline.EventMark(e.type() == null ? "EVENT" : e.type(), e.eventId(), position(day0, e.detectedAt()),
                        e.detectedAt().text(), detail));
            }
            if (e.reportedSaeAt() != null) {
                marks.add(new SubjectTimeline.EventMark("SAE_REPORT", e.eventId(), position(day0, e.reportedSaeAt()),
                        e.reportedSaeAt().text(), "SAE report of " + (e.eventId() == null ? "the event" : e.eventId())));
            }
        }
        return marks;
    }

    private void marker(List<SubjectTimeline.Marker> markers, String kind, When at, LocalDate day0) {
        if (at != null) markers.add(new SubjectTimeline.Marker(kind, position(day0, at), at.text()));
    }

    /** Days since midnight of day 0; a value without a time of day is drawn at noon (and hollow). */
    private double position(LocalDate day0, When at) {
        double day = ChronoUnit.DAYS.between(day0, at.date());
        if (!at.hasTime()) return day + 0.5;
        return at(day0, at.instant());
    }

    private double at(LocalDate day0, Instant instant) {
        var local = instant.atZone(ctx.zone());
        LocalTime t = local.toLocalTime();
        return ChronoUnit.DAYS.between(day0, local.toLocalDate()) + t.toSecondOfDay() / 86400.0;
    }

    private final class LaneBuilder {
        final VisitWindow window;
        final WindowSpan span;
        final List<SubjectTimeline.Dot> dots = new ArrayList<>();

        LaneBuilder(VisitWindow window, WindowSpan span) {
            this.window = window;
            this.span = span;
        }

        SubjectTimeline.Lane lane(LocalDate day0) {
            if (window == null) return new SubjectTimeline.Lane(null, null, null, null, null, false, dots);
            if (span == null) {
                return new SubjectTimeline.Lane(window.visit(), window.test(), null, null,
                        window.describe() + " (cannot be placed: randomization has no time of day)", false, dots);
            }
            double from, to;
            if (span.hourly()) {
                from = at(day0, span.from());
                to = at(day0, span.to());
            } else {
                from = ChronoUnit.DAYS.between(day0, span.firstDay());
                to = ChronoUnit.DAYS.between(day0, span.lastDay()) + 1.0; // a day window covers its whole last day
            }
            return new SubjectTimeline.Lane(window.visit(), window.test(), from, to, span.expected(), !Windows.closed(span, ctx), dots);
        }
    }
}
