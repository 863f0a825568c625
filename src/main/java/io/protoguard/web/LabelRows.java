package io.protoguard.web;

import java.util.ArrayList;
import java.util.List;

/**
 * Stacks the labels of a timeline's vertical lines ("discharged", "withdrawn", "† died", "as of") in rows above the
 * plot so that no two overlap: each label goes into the first row where it clears every label already there. A
 * label's width is estimated from its length (10 px text), which is why a small gap is kept between labels.
 */
final class LabelRows {
    static final double CHAR = 6.0, GAP = 6;
    private final double left, right;
    private final List<List<double[]>> rows = new ArrayList<>();

    LabelRows(double left, double right) {
        this.left = left;
        this.right = right;
    }

    /** Places the label of a line at {@code x}; returns its row (0 is the top). */
    int place(double x, String text) {
        double[] span = span(x, text, right);
        for (int r = 0; r < rows.size(); r++) {
            if (rows.get(r).stream().noneMatch(o -> span[0] < o[1] + GAP && o[0] < span[1] + GAP)) {
                rows.get(r).add(span);
                return r;
            }
        }
        List<double[]> row = new ArrayList<>();
        row.add(span);
        rows.add(row);
        return rows.size() - 1;
    }

    int rows() {
        return Math.max(1, rows.size());
    }

    /** Whether the label goes to the left of its line (it would run past the right edge otherwise). */
    static boolean leftOf(double x, String text, double right) {
        return x + 3 + width(text) > right;
    }

    /** [from, to] in pixels of the label of a line at x. */
    static double[] span(double x, String text, double right) {
        double w = width(text);
        return leftOf(x, text, right) ? new double[] {x - 3 - w, x} : new double[] {x, x + 3 + w};
    }

    static double width(String text) {
        return text.length() * CHAR;
    }
}
