package io.protoguard.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.web.util.HtmlUtils;

/**
 * Draws a {@link SubjectTimeline} as inline SVG: one lane per visit window, the window a band (hatched while
 * still open), each assessment a dot (red when outside its window, hollow when it carries no time of day),
 * vertical lines for discharge, withdrawal, death and the as-of date. Every text from the upload is escaped.
 * When follow-up is long the first ten days get half the width, so hour windows stay visible beside day 90.
 */
final class TimelineSvg {
    private static final int WIDTH = 920, LABEL = 120, RIGHT = 20, TOP = 26, LANE = 22;
    private static final double BREAK = 10;

    private final SubjectTimeline t;
    private final String id;
    private final double min, max;
    private final boolean split;

    /** @param index distinguishes this picture's pattern ids from those of the other pictures on the page */
    TimelineSvg(SubjectTimeline t, int index) {
        this.t = t;
        this.id = "tl" + index;
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
        this.min = lo;
        this.max = hi + 1;
        this.split = max - min > 3 * BREAK && min < BREAK;
    }

    String render() {
        int height = TOP + LANE * Math.max(1, t.lanes().size()) + 8;
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\" width=\"").append(WIDTH).append("\" height=\"")
                .append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" role=\"img\" data-subject=\"").append(esc(t.subjectId())).append("\">");
        s.append("<title>").append(esc("Visit windows of subject " + t.subjectId())).append("</title>");
        s.append("<defs><pattern id=\"").append(id).append("-open\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" ")
                .append("patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#dbe9ff\"/>")
                .append("<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#6f9fe0\" stroke-width=\"2\"/></pattern></defs>");
        axis(s, height);
        for (int i = 0; i < t.lanes().size(); i++) lane(s, t.lanes().get(i), TOP + i * LANE);
        for (SubjectTimeline.Marker m : t.markers()) marker(s, m, height);
        if (t.asOfDay() <= max) {
            double x = x(t.asOfDay());
            s.append("<line class=\"as-of\" x1=\"").append(f(x)).append("\" y1=\"").append(TOP - 4).append("\" x2=\"").append(f(x))
                    .append("\" y2=\"").append(height - 4).append("\" stroke=\"#0969da\" stroke-dasharray=\"2,3\"><title>as of</title></line>");
        }
        return s.append("</svg>").toString();
    }

    private void axis(StringBuilder s, int height) {
        double lastX = -100;
        for (double d : ticks()) {
            double x = x(d);
            if (x - lastX < 26) continue;
            lastX = x;
            s.append("<line x1=\"").append(f(x)).append("\" y1=\"").append(TOP - 6).append("\" x2=\"").append(f(x)).append("\" y2=\"")
                    .append(height - 6).append("\" stroke=\"#eaeef2\"/>");
            s.append("<text x=\"").append(f(x)).append("\" y=\"").append(TOP - 10)
                    .append("\" font-size=\"10\" text-anchor=\"middle\" fill=\"#57606a\">d").append((long) d).append("</text>");
        }
        if (split) {
            double x = x(BREAK);
            s.append("<text x=\"").append(f(x)).append("\" y=\"").append(height - 1)
                    .append("\" font-size=\"9\" text-anchor=\"middle\" fill=\"#8c959f\">scale changes</text>");
        }
    }

    private List<Double> ticks() {
        List<Double> ticks = new ArrayList<>();
        double[] candidates = {-1, 0, 1, 2, 3, 5, 7, 10, 14, 21, 28, 30, 45, 60, 90, 120, 180, 270, 365};
        for (double c : candidates) if (c >= min && c <= max) ticks.add(c);
        return ticks;
    }

    private void lane(StringBuilder s, SubjectTimeline.Lane lane, int y) {
        String label = lane.label();
        s.append("<text x=\"4\" y=\"").append(y + 15).append("\" font-size=\"11\" fill=\"#24292f\">").append(esc(label)).append("</text>");
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

    private void marker(StringBuilder s, SubjectTimeline.Marker m, int height) {
        double x = x(m.day());
        String color = switch (m.kind()) {
            case "DIED" -> "#24292f";
            case "WITHDRAWN" -> "#bc4c00";
            default -> "#8c959f";
        };
        String dash = switch (m.kind()) {
            case "DIED" -> "";
            case "WITHDRAWN" -> " stroke-dasharray=\"6,3\"";
            default -> " stroke-dasharray=\"1,3\"";
        };
        String sign = switch (m.kind()) {
            case "DIED" -> "\u2020 died";
            case "WITHDRAWN" -> "withdrawn";
            default -> "discharged";
        };
        s.append("<g class=\"marker ").append(m.kind().toLowerCase(Locale.ROOT)).append("\"><line x1=\"").append(f(x))
                .append("\" y1=\"").append(TOP - 4).append("\" x2=\"").append(f(x)).append("\" y2=\"").append(height - 4)
                .append("\" stroke=\"").append(color).append("\" stroke-width=\"2\"").append(dash).append("/>")
                .append("<text x=\"").append(f(x + 3)).append("\" y=\"").append(TOP + 8).append("\" font-size=\"10\" fill=\"")
                .append(color).append("\">").append(esc(sign)).append("</text><title>").append(esc(sign + " " + m.at()))
                .append("</title></g>");
    }

    /** Day to pixel; with a split scale, [min, 10] takes the left half of the plot and [10, max] the right. */
    double x(double day) {
        double left = LABEL, width = WIDTH - LABEL - RIGHT;
        double d = Math.max(min, Math.min(max, day));
        if (!split) return left + (d - min) / (max - min) * width;
        if (d <= BREAK) return left + (d - min) / (BREAK - min) * width * 0.5;
        return left + width * 0.5 + (d - BREAK) / (max - BREAK) * width * 0.5;
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String esc(String s) {
        return s == null ? "" : HtmlUtils.htmlEscape(s, "UTF-8");
    }
}
