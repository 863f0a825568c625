package io.protoguard.risk;

import static io.protoguard.risk.FunnelPlot.BOTTOM;
import static io.protoguard.risk.FunnelPlot.HEIGHT;
import static io.protoguard.risk.FunnelPlot.LEFT;
import static io.protoguard.risk.FunnelPlot.RIGHT;
import static io.protoguard.risk.FunnelPlot.TOP;
import static io.protoguard.risk.FunnelPlot.WIDTH;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** The same funnel plot as a PNG for the XLSX report, drawn with Java2D (headless, no fonts needed beyond the JDK's). */
public final class FunnelPng {
    private FunnelPng() {}

    public static byte[] render(FunnelPlot p, String xLabel) {
        System.setProperty("java.awt.headless", "true");
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setColor(Color.DARK_GRAY);
            int bottom = HEIGHT - BOTTOM;
            g.drawLine(LEFT, bottom, WIDTH - RIGHT, bottom);
            g.drawLine(LEFT, TOP, LEFT, bottom);
            g.setFont(g.getFont().deriveFont(10f));
            for (int i = 0; i <= 4; i++) {
                double y = p.yMax() * i / 4, x = p.xMax() * i / 4;
                String ys = FunnelPlot.number(y), xs = FunnelPlot.number(x);
                g.drawString(ys, LEFT - 4 - g.getFontMetrics().stringWidth(ys), (float) p.py(y) + 3);
                g.drawString(xs, (float) p.px(x) - g.getFontMetrics().stringWidth(xs) / 2f, bottom + 14);
            }
            g.drawString(p.title(), LEFT, TOP - 10);
            g.drawString(xLabel, (LEFT + WIDTH - RIGHT) / 2f - g.getFontMetrics().stringWidth(xLabel) / 2f, HEIGHT - 6);
            for (FunnelPlot.Curve c : p.curves()) {
                boolean red = c.level().equals("red");
                g.setColor(Color.decode(red ? "#c62828" : "#ef8f00"));
                g.setStroke(red ? new BasicStroke(1.5f) : new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {4, 3}, 0));
                Path2D path = new Path2D.Double();
                boolean first = true;
                for (double[] xy : c.xy()) {
                    if (first) path.moveTo(p.px(xy[0]), p.py(xy[1]));
                    else path.lineTo(p.px(xy[0]), p.py(xy[1]));
                    first = false;
                }
                g.draw(path);
            }
            for (FunnelPlot.Point pt : p.points()) {
                g.setColor(Color.decode(FunnelPlot.colour(pt.flag())));
                g.fill(new Ellipse2D.Double(p.px(pt.x()) - 4, p.py(pt.y()) - 4, 8, 8));
                if (pt.flag().flagged()) g.drawString(pt.site(), (float) p.px(pt.x()) + 6, (float) p.py(pt.y()) + 3);
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
