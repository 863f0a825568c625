package io.protoguard.risk;

import java.util.ArrayList;
import java.util.List;

/**
 * The geometry of one KRI's funnel plot (Spiegelhalter 2005): sites as points at x = denominator, y = metric, and
 * the amber and red control limits as curves over the sites' range of denominators. {@link FunnelSvg} and
 * {@link FunnelPng} draw the same geometry, so the page and the XLSX report show the same plot.
 */
public record FunnelPlot(String title, double xMax, double yMax, List<Point> points, List<Curve> curves) {
    public static final int WIDTH = 520, HEIGHT = 320, LEFT = 56, RIGHT = 16, TOP = 28, BOTTOM = 40;
    private static final int STEPS = 60;

    public record Point(String site, double x, double y, KriFlag flag) {}

    /** {@code level}: "amber" or "red"; {@code upper}: above the overall metric. */
    public record Curve(String level, boolean upper, List<double[]> xy) {}

    public static FunnelPlot of(String title, KriScores scores) {
        List<Point> points = new ArrayList<>();
        double xMax = 0, yMax = scores.overall(), xMin = Double.MAX_VALUE;
        for (SiteScore s : scores.sites()) {
            if (s.denominator() <= 0) continue;
            points.add(new Point(s.site(), s.denominator(), s.metric(), s.flag()));
            xMax = Math.max(xMax, s.denominator());
            xMin = Math.min(xMin, s.denominator());
            yMax = Math.max(yMax, s.metric());
        }
        List<Curve> curves = new ArrayList<>();
        if (!points.isEmpty()) {
            double from = Math.max(xMin * 0.8, xMax / 200);
            for (String level : List.of("amber", "red")) {
                double z = level.equals("amber") ? scores.amber() : scores.red();
                for (boolean upper : new boolean[] {true, false}) {
                    List<double[]> xy = new ArrayList<>();
                    for (int i = 0; i <= STEPS; i++) {
                        double x = from + (xMax * 1.05 - from) * i / STEPS;
                        xy.add(new double[] {x, scores.limit(x, upper ? z : -z)});
                    }
                    curves.add(new Curve(level, upper, xy));
                }
            }
            yMax = Math.max(yMax, scores.limit(Math.max(xMin, xMax / 3), scores.red()));
        }
        if (scores.kind() == KriKind.PROPORTION) yMax = Math.min(1, yMax);
        return new FunnelPlot(title, xMax <= 0 ? 1 : xMax * 1.05, yMax <= 0 ? 1 : yMax * 1.1, points, curves);
    }

    /** Pixel x of a denominator. */
    public double px(double x) {
        return LEFT + (WIDTH - LEFT - RIGHT) * x / xMax;
    }

    /** Pixel y of a metric, clamped to the plot area (a limit above the axis is drawn along its top). */
    public double py(double y) {
        double clamped = Math.max(0, Math.min(yMax, y));
        return HEIGHT - BOTTOM - (HEIGHT - TOP - BOTTOM) * clamped / yMax;
    }

    static String colour(KriFlag flag) {
        return switch (flag) {
            case RED -> "#c62828";
            case AMBER -> "#ef8f00";
            case SMALL -> "#9e9e9e";
            case NONE -> "#1e5aa8";
        };
    }

    static String number(double v) {
        if (v == 0) return "0";
        double a = Math.abs(v);
        return a >= 100 ? String.format(java.util.Locale.ROOT, "%.0f", v)
                : a >= 1 ? String.format(java.util.Locale.ROOT, "%.1f", v)
                : String.format(java.util.Locale.ROOT, "%.3f", v);
    }
}
