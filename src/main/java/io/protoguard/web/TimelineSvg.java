package io.protoguard.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.util.HtmlUtils;

/**
 * Draws a {@link SubjectTimeline} as a standalone SVG on a linear time axis labelled with study days (day 0 is the
 * randomization day) and calendar dates: one lane per visit window (the window a band, hatched while still open; each
 * assessment a dot, red when outside its window, hollow without a time of day), one lane per treatment (each dose a
 * bar from start to end), one lane of events (ICH and other events, SAE reports, as diamonds), and vertical lines for
 * discharge, withdrawal, death and the as-of date whose labels are stacked in rows so that they never overlap
 * ({@link LabelRows}). Every text from the upload is escaped. The same picture is shown in the page and downloaded.
 */
final class TimelineSvg {
    static final int WIDTH = 1000, LABEL = 130, RIGHT = 16, LANE = 22, ROW = 13;
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH),
            LONG = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private final SubjectTimeline t;
    private final String id;
    private final double min, max;
    private final LocalDate day0;
    private final Map<String, List<SubjectTimeline.DoseBar>> doses = new LinkedHashMap<>();
    private final List<SubjectTimeline.EventMark> events;

    /** @param index distinguishes this picture's pattern ids from those of other pictures in the same document */
    TimelineSvg(SubjectTimeline t, int index) {
        this.t = t;
        this.id = "tl" + index;
        this.day0 = t.day0() == null ? null : LocalDate.parse(t.day0());
        this.events = t.events() == null ? List.of() : t.events();
        if (t.doses() != null) t.doses().forEach(d -> doses.computeIfAbsent(String.valueOf(d.treatment()), k -> new ArrayList<>()).add(d));
        double lo = -1, hi = 3;
        for (SubjectTimeline.Lane l : t.lanes()) {
            if (l.from() != null) lo = Math.min(lo, Math.floor(l.from()));
            if (l.to() != null) hi = Math.max(hi, Math.ceil(l.to()));
            for (SubjectTimeline.Dot d : l.dots()) {
                lo = Math.min(lo, Math.floor(d.day()));
                hi = Math.max(hi, Math.ceil(d.day()));
            }
        }
        for (SubjectTimeline.Marker m : t.markers()) hi = Math.max(hi, Math.ceil(m.day()));
        for (List<SubjectTimeline.DoseBar> bars : doses.values()) {
            for (SubjectTimeline.DoseBar b : bars) {
                lo = Math.min(lo, Math.floor(b.from()));
                hi = Math.max(hi, Math.ceil(b.to() == null ? b.from() : b.to()));
            }
        }
        for (SubjectTimeline.EventMark e : events) {
            lo = Math.min(lo, Math.floor(e.day()));
            hi = Math.max(hi, Math.ceil(e.day()));
        }
        this.min = lo;
        this.max = hi + 1;
    }

    String render() {
        LabelRows labels = new LabelRows(LABEL, WIDTH - RIGHT);
        List<double[]> placed = new ArrayList<>(); // per marker: x, row
        for (SubjectTimeline.Marker m : t.markers()) placed.add(new double[] {x(m.day()), labels.place(x(m.day()), sign(m))});
        boolean asOfShown = t.asOfDay() <= max;
        int asOfRow = asOfShown ? labels.place(x(t.asOfDay()), "as of") : 0;
        int axisTop = 4 + labels.rows() * ROW;
        int top = axisTop + 30;
        int lanes = t.lanes().size() + doses.size() + (events.isEmpty() ? 0 : 1);
        int height = top + LANE * Math.max(1, lanes) + 8;
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\" width=\"").append(WIDTH).append("\" height=\"")
                .append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" role=\"img\" font-family=\"system-ui, sans-serif\" data-subject=\"").append(esc(t.subjectId())).append("\">");
        s.append("<title>").append(esc("Timeline of subject " + t.subjectId() + (t.arm() == null ? "" : ", arm " + t.arm())
                + ", randomized " + t.randomizedAt() + " (day 0)")).append("</title>");
        s.append("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>");
        s.append("<defs><pattern id=\"").append(id).append("-open\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" ")
                .append("patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#dbe9ff\"/>")
                .append("<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#6f9fe0\" stroke-width=\"2\"/></pattern></defs>");
        axis(s, axisTop, top, height);
        int y = top;
        for (SubjectTimeline.Lane lane : t.lanes()) {
            lane(s, lane, y);
            y += LANE;
        }
        for (Map.Entry<String, List<SubjectTimeline.DoseBar>> e : doses.entrySet()) {
            doseLane(s, e.getKey(), e.getValue(), y);
            y += LANE;
        }
        if (!events.isEmpty()) eventLane(s, y);
        for (int i = 0; i < t.markers().size(); i++) marker(s, t.markers().get(i), (int) placed.get(i)[1], top, height);
        if (asOfShown) {
            double x = x(t.asOfDay());
            int ly = 4 + asOfRow * ROW + 10;
            s.append("<g class=\"as-of\"><line x1=\"").append(f(x)).append("\" y1=\"").append(ly + 2).append("\" x2=\"").append(f(x))
                    .append("\" y2=\"").append(height - 4).append("\" stroke=\"#0969da\" stroke-dasharray=\"2,3\"/>")
                    .append(label(x, ly, "as of", "#0969da")).append("<title>as of ").append(esc(date(t.asOfDay() - 1)))
                    .append("</title></g>");
        }
        return s.append("</svg>").toString();
    }

    private void axis(StringBuilder s, int axisTop, int top, int height) {
        double step = step(max - min);
        boolean first = true;
        for (double d = Math.ceil(min / step) * step; d <= max; d += step) {
            double x = x(d);
            s.append("<line class=\"tick\" x1=\"").append(f(x)).append("\" y1=\"").append(top - 4).append("\" x2=\"").append(f(x))
                    .append("\" y2=\"").append(height - 6).append("\" stroke=\"#eaeef2\"/>");
            s.append("<text x=\"").append(f(x)).append("\" y=\"").append(axisTop + 11)
                    .append("\" font-size=\"10\" text-anchor=\"middle\" fill=\"#24292f\">day ").append((long) d).append("</text>");
            if (day0 != null) {
                s.append("<text class=\"date\" x=\"").append(f(x)).append("\" y=\"").append(axisTop + 23)
                        .append("\" font-size=\"9\" text-anchor=\"middle\" fill=\"#57606a\">")
                        .append(day0.plusDays((long) d).format(first ? LONG : SHORT)).append("</text>");
            }
            first = false;
        }
        s.append("<text x=\"4\" y=\"").append(axisTop + 11).append("\" font-size=\"10\" fill=\"#57606a\">study day</text>");
        if (day0 != null) s.append("<text x=\"4\" y=\"").append(axisTop + 23).append("\" font-size=\"9\" fill=\"#57606a\">date</text>");
    }

    /** A tick step (days) that puts at most about 12 ticks on the axis. */
    static double step(double span) {
        for (double c : new double[] {1, 2, 7, 14, 28, 56, 91, 182, 365, 730}) if (span / c <= 12) return c;
        return Math.ceil(span / 12 / 365) * 365;
    }

    private void lane(StringBuilder s, SubjectTimeline.Lane lane, int y) {
        String label = lane.label();
        laneLabel(s, label, y);
        if (lane.from() != null && lane.to() != null) {
            double x1 = x(lane.from()), x2 = Math.max(x(lane.to()), x1 + 2);
            s.append("<rect class=\"window").append(lane.open() ? " open" : "").append("\" x=\"").append(f(x1)).append("\" y=\"")
                    .append(y + 4).append("\" width=\"").append(f(x2 - x1)).append("\" height=\"").append(LANE - 8)
                    .append("\" rx=\"2\" fill=\"").append(lane.open() ? "url(#" + id + "-open)" : "#cfe3ff")
                    .append("\" stroke=\"#6f9fe0\"><title>").append(esc(label + ": " + lane.expected()
                            + (lane.open() ? " (still open)" : ""))).append("</title></rect>");
        }
        for (SubjectTimeline.Dot d : lane.dots()) {
            String color = switch (d.status()) {
                case "OUT" -> "#d1242f";
                case "IN" -> "#1a7f37";
                default -> "#6e7781";
            };
            String what = switch (d.status()) {
                case "OUT" -> "outside the window";
                case "IN" -> "within the window";
                default -> "unscheduled";
            };
            s.append("<circle class=\"dot ").append(d.status().toLowerCase(Locale.ROOT)).append("\" cx=\"").append(f(x(d.day())))
                    .append("\" cy=\"").append(y + LANE / 2).append("\" r=\"5\" fill=\"").append(d.dateOnly() ? "white" : color)
                    .append("\" stroke=\"").append(color).append("\" stroke-width=\"2\"><title>")
                    .append(esc(d.test() + " " + d.at() + " = " + d.value() + ": " + what + (d.dateOnly() ? " (no time of day)" : "")))
                    .append("</title></circle>");
        }
    }

    private void doseLane(StringBuilder s, String treatment, List<SubjectTimeline.DoseBar> bars, int y) {
        laneLabel(s, "dose " + treatment, y);
        for (SubjectTimeline.DoseBar b : bars) {
            double x1 = x(b.from()), x2 = b.to() == null ? x1 + 3 : Math.max(x(b.to()), x1 + 3);
            s.append("<rect class=\"dose").append(b.to() == null ? " no-end" : "").append("\" x=\"").append(f(x1)).append("\" y=\"")
                    .append(y + 6).append("\" width=\"").append(f(x2 - x1)).append("\" height=\"").append(LANE - 12)
                    .append("\" fill=\"#9a6700\"><title>").append(esc(treatment + " " + b.amount() + ": " + b.startAt()
                            + (b.endAt() == null ? " (no end recorded)" : " to " + b.endAt()))).append("</title></rect>");
        }
    }

    private void eventLane(StringBuilder s, int y) {
        laneLabel(s, "events", y);
        for (SubjectTimeline.EventMark e : events) {
            double x = x(e.day()), cy = y + LANE / 2.0;
            String kind = e.kind().toUpperCase(Locale.ROOT);
            String cls = kind.equals("ICH") ? "ich" : kind.equals("SAE_REPORT") ? "sae-report" : "other";
            String color = switch (cls) {
                case "ich" -> "#8250df";
                case "sae-report" -> "#bc4c00";
                default -> "#57606a";
            };
            s.append("<path class=\"event ").append(cls).append("\" d=\"M").append(f(x)).append(' ').append(f(cy - 6)).append(" L")
                    .append(f(x + 6)).append(' ').append(f(cy)).append(" L").append(f(x)).append(' ').append(f(cy + 6)).append(" L")
                    .append(f(x - 6)).append(' ').append(f(cy)).append(" Z\" fill=\"").append(cls.equals("sae-report") ? "white" : color)
                    .append("\" stroke=\"").append(color).append("\" stroke-width=\"2\"><title>")
                    .append(esc((e.eventId() == null ? "" : e.eventId() + " ") + e.detail() + " at " + e.at())).append("</title></path>");
        }
    }

    private void marker(StringBuilder s, SubjectTimeline.Marker m, int row, int top, int height) {
        double x = x(m.day());
        String color = switch (m.kind()) {
            case "DIED" -> "#24292f";
            case "WITHDRAWN" -> "#bc4c00";
            default -> "#57606a";
        };
        String dash = switch (m.kind()) {
            case "DIED" -> "";
            case "WITHDRAWN" -> " stroke-dasharray=\"6,3\"";
            default -> " stroke-dasharray=\"1,3\"";
        };
        int ly = 4 + row * ROW + 10;
        s.append("<g class=\"marker ").append(m.kind().toLowerCase(Locale.ROOT)).append("\"><line x1=\"").append(f(x))
                .append("\" y1=\"").append(ly + 2).append("\" x2=\"").append(f(x)).append("\" y2=\"").append(height - 4)
                .append("\" stroke=\"").append(color).append("\" stroke-width=\"2\"").append(dash).append("/>")
                .append(label(x, ly, sign(m), color)).append("<title>").append(esc(sign(m) + " " + m.at())).append("</title></g>");
    }

    /** A line's label: to the right of it, or to its left when it would run past the right edge (as LabelRows placed it). */
    private static String label(double x, int y, String text, String color) {
        boolean left = LabelRows.leftOf(x, text, WIDTH - RIGHT);
        return "<text class=\"line-label\" x=\"" + f(left ? x - 3 : x + 3) + "\" y=\"" + y + "\" font-size=\"10\" text-anchor=\""
                + (left ? "end" : "start") + "\" fill=\"" + color + "\">" + esc(text) + "</text>";
    }

    private static void laneLabel(StringBuilder s, String label, int y) {
        String shown = label.length() > 20 ? label.substring(0, 19) + "\u2026" : label;
        s.append("<text x=\"4\" y=\"").append(y + 15).append("\" font-size=\"11\" fill=\"#24292f\">").append(esc(shown))
                .append("<title>").append(esc(label)).append("</title></text>");
    }

    private static String sign(SubjectTimeline.Marker m) {
        return switch (m.kind()) {
            case "DIED" -> "\u2020 died";
            case "WITHDRAWN" -> "withdrawn";
            default -> "discharged";
        };
    }

    private String date(double day) {
        return day0 == null ? "day " + (long) Math.floor(day) : day0.plusDays((long) Math.floor(day)).toString();
    }

    /** Day to pixel, linear: the same number of pixels per day everywhere on the axis. */
    double x(double day) {
        double left = LABEL, width = WIDTH - LABEL - RIGHT;
        double d = Math.max(min, Math.min(max, day));
        return left + (d - min) / (max - min) * width;
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String esc(String s) {
        return s == null ? "" : HtmlUtils.htmlEscape(s, "UTF-8");
    }
}
