package io.protoguard.risk;

import static io.protoguard.risk.FunnelPlot.BOTTOM;
import static io.protoguard.risk.FunnelPlot.HEIGHT;
import static io.protoguard.risk.FunnelPlot.LEFT;
import static io.protoguard.risk.FunnelPlot.RIGHT;
import static io.protoguard.risk.FunnelPlot.TOP;
import static io.protoguard.risk.FunnelPlot.WIDTH;

import java.util.Locale;

/** A funnel plot as inline SVG for the Risk page; site names are escaped, everything else is numbers. */
public final class FunnelSvg {
    private FunnelSvg() {}

    public static String render(FunnelPlot p, String xLabel) {
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"funnel\" role=\"img\" width=\"").append(WIDTH)
                .append("\" height=\"").append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT).append("\">");
        s.append("<title>").append(esc(p.title())).append("</title>");
        int bottom = HEIGHT - BOTTOM;
        s.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#444\"/>", LEFT, bottom, WIDTH - RIGHT, bottom));
        s.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#444\"/>", LEFT, TOP, LEFT, bottom));
        for (int i = 0; i <= 4; i++) {
            double y = p.yMax() * i / 4, x = p.xMax() * i / 4;
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\">%s</text>", LEFT - 4, p.py(y) + 3, FunnelPlot.number(y)));
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\">%s</text>", p.px(x), bottom + 14, FunnelPlot.number(x)));
        }
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%s</text>", (LEFT + WIDTH - RIGHT) / 2, HEIGHT - 6, esc(xLabel)));
        for (FunnelPlot.Curve c : p.curves()) {
            s.append("<polyline class=\"limit limit-").append(c.level()).append("\" fill=\"none\" stroke=\"")
                    .append(c.level().equals("red") ? "#c62828" : "#ef8f00").append("\" stroke-dasharray=\"")
                    .append(c.level().equals("red") ? "none" : "4 3").append("\" points=\"");
            for (double[] xy : c.xy()) s.append(String.format(Locale.ROOT, "%.1f,%.1f ", p.px(xy[0]), p.py(xy[1])));
            s.append("\"/>");
        }
        for (FunnelPlot.Point pt : p.points()) {
            s.append(String.format(Locale.ROOT, "<circle class=\"site-point flag-%s\" data-site=\"%s\" cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"><title>%s: %s</title></circle>",
                    pt.flag(), esc(pt.site()), p.px(pt.x()), p.py(pt.y()), FunnelPlot.colour(pt.flag()), esc(pt.site()), FunnelPlot.number(pt.y())));
        }
        return s.append("</svg>").toString();
    }

    static String esc(String t) {
        return t == null ? "" : t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
