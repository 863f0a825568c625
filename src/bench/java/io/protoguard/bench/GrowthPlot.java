package io.protoguard.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Draws bench/results/growth.csv as a PNG (headless java.awt, since the machine has no plotting library):
 * left, subjects per second against N; right, peak RSS and peak heap against N; log-scaled N.
 * Columns: format,n,wall_s,subjects_per_s,max_rss_mb,peak_heap_mb,... (heap drawn for CSV only, to stay readable)
 */
public final class GrowthPlot {
    private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e)};

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        Map<String, List<double[]>> rate = new LinkedHashMap<>(), memory = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(Path.of(args[0]));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            double n = Double.parseDouble(f[1]);
            rate.computeIfAbsent(f[0] + " subjects/s", k -> new ArrayList<>()).add(new double[] {n, Double.parseDouble(f[3])});
            memory.computeIfAbsent(f[0] + " peak RSS MB", k -> new ArrayList<>()).add(new double[] {n, Double.parseDouble(f[4])});
            if (f[0].equals("csv") && !f[5].isEmpty()) {
                memory.computeIfAbsent(f[0] + " peak heap MB", k -> new ArrayList<>()).add(new double[] {n, Double.parseDouble(f[5])});
            }
        }
        BufferedImage img = new BufferedImage(1200, 500, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 1200, 500);
        panel(g, 0, "check end to end: subjects per second", rate);
        panel(g, 600, "check end to end: peak memory (MB)", memory);
        ImageIO.write(img, "png", new File(args[1]));
    }

    private static void panel(Graphics2D g, int x0, String title, Map<String, List<double[]>> series) {
        int left = x0 + 80, right = x0 + 570, top = 50, bottom = 420;
        double minN = Double.MAX_VALUE, maxN = 0, maxY = 0;
        for (List<double[]> s : series.values()) {
            for (double[] p : s) {
                minN = Math.min(minN, p[0]);
                maxN = Math.max(maxN, p[0]);
                maxY = Math.max(maxY, p[1]);
            }
        }
        maxY = niceCeiling(maxY);
        double lo = Math.log10(minN), hi = Math.max(lo + 1, Math.log10(maxN));
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString(title, left, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawLine(left, bottom, right, bottom);
        g.drawLine(left, top, left, bottom);
        for (int i = 0; i <= 5; i++) {
            int y = bottom - (bottom - top) * i / 5;
            g.setColor(new Color(0xdddddd));
            g.drawLine(left + 1, y, right, y);
            g.setColor(Color.BLACK);
            g.drawString(String.format("%,.0f", maxY * i / 5), x0 + 5, y + 4);
        }
        for (int e = (int) Math.ceil(lo); e <= (int) Math.floor(hi); e++) {
            int x = (int) (left + (right - left) * (e - lo) / (hi - lo));
            g.drawLine(x, bottom, x, bottom + 5);
            g.drawString("N=" + (e >= 6 ? (int) Math.pow(10, e - 6) + "M" : (int) Math.pow(10, e - 3) + "k"), x - 15, bottom + 20);
        }
        int c = 0, legendY = top + 5;
        for (Map.Entry<String, List<double[]>> s : series.entrySet()) {
            g.setColor(COLORS[c++ % COLORS.length]);
            g.setStroke(new BasicStroke(2f));
            int px = -1, py = -1;
            for (double[] p : s.getValue()) {
                int x = (int) (left + (right - left) * (Math.log10(p[0]) - lo) / (hi - lo));
                int y = (int) (bottom - (bottom - top) * p[1] / maxY);
                g.fillOval(x - 4, y - 4, 8, 8);
                if (px >= 0) g.drawLine(px, py, x, y);
                px = x;
                py = y;
            }
            g.drawString(s.getKey(), right - 170, legendY += 16);
        }
        g.setColor(Color.BLACK);
        g.drawString("subjects N (log scale)", (left + right) / 2 - 60, bottom + 45);
    }

    private static double niceCeiling(double v) {
        double mag = Math.pow(10, Math.floor(Math.log10(Math.max(v, 1))));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) if (m * mag >= v) return m * mag;
        return 10 * mag;
    }
}
