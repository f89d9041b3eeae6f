package dev.flowline.bench.e2e;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Draws the load sweep as a PNG with plain java.awt (headless, no plotting library): executions/s completed and p99
 * latency against offered events/s, for Flowline and the naive baseline. Stateless and thread-safe.
 */
final class LoadPlot {

    private static final int W = 1100;
    private static final int H = 480;
    private static final Color FLOWLINE = new Color(0x1f77b4);
    private static final Color NAIVE = new Color(0xd62728);

    private LoadPlot() {
    }

    /** Each point: {offered events/s, executions/s, p50 ms, p99 ms}. */
    static void write(Path file, List<double[]> flowline, List<double[]> naive) throws IOException {
        System.setProperty("java.awt.headless", "true");
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, W, H);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString("Flowline vs naive baseline: case-study workload at increasing offered load ("
                + Runtime.getRuntime().availableProcessors() + " cores)", 20, 25);
        panel(g, 70, 60, 440, 340, "executions/s completed", flowline, naive, p -> p[1], false);
        panel(g, 620, 60, 440, 340, "p99 trigger-to-completion latency (ms, log)", flowline, naive, p -> p[3], true);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        legend(g, 70, 455, FLOWLINE, "Flowline (defaults)");
        legend(g, 270, 455, NAIVE, "naive (no index, written order, sequential, commit per event)");
        g.dispose();
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        ImageIO.write(img, "png", file.toFile());
    }

    private static void legend(Graphics2D g, int x, int y, Color c, String text) {
        g.setColor(c);
        g.setStroke(new BasicStroke(3));
        g.drawLine(x, y - 5, x + 25, y - 5);
        g.setColor(Color.BLACK);
        g.drawString(text, x + 32, y);
    }

    private static void panel(Graphics2D g, int x, int y, int w, int h, String title, List<double[]> a,
                              List<double[]> b, ToDoubleFunction<double[]> value, boolean log) {
        double maxX = 0;
        double maxY = log ? 1 : 0;
        double minY = log ? Double.MAX_VALUE : 0;
        for (List<double[]> series : List.of(a, b)) {
            for (double[] p : series) {
                maxX = Math.max(maxX, p[0]);
                double v = value.applyAsDouble(p);
                if (Double.isFinite(v)) {
                    maxY = Math.max(maxY, v);
                    minY = Math.min(minY, Math.max(v, 0.1));
                }
            }
        }
        if (log) {
            minY = Math.pow(10, Math.floor(Math.log10(Math.min(minY, 1))));
            maxY = Math.pow(10, Math.ceil(Math.log10(maxY)));
        } else {
            maxY = niceCeil(maxY);
        }
        maxX = niceCeil(maxX);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1));
        g.drawRect(x, y, w, h);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString(title, x, y - 8);
        g.drawString("offered load (events/s)", x + w / 2 - 60, y + h + 35);
        for (int i = 0; i <= 5; i++) {
            int px = x + w * i / 5;
            g.setColor(new Color(0xdddddd));
            g.drawLine(px, y, px, y + h);
            g.setColor(Color.BLACK);
            g.drawString(fmt(maxX * i / 5), px - 12, y + h + 16);
        }
        int ticks = log ? (int) Math.round(Math.log10(maxY / minY)) : 5;
        for (int i = 0; i <= ticks; i++) {
            double v = log ? minY * Math.pow(10, i) : maxY * i / ticks;
            int py = y + h - (int) Math.round(scale(v, minY, maxY, log) * h);
            g.setColor(new Color(0xdddddd));
            g.drawLine(x, py, x + w, py);
            g.setColor(Color.BLACK);
            g.drawString(fmt(v), x - 55, py + 4);
        }
        series(g, x, y, w, h, a, value, maxX, minY, maxY, log, FLOWLINE);
        series(g, x, y, w, h, b, value, maxX, minY, maxY, log, NAIVE);
    }

    private static void series(Graphics2D g, int x, int y, int w, int h, List<double[]> points,
                               ToDoubleFunction<double[]> value, double maxX, double minY, double maxY, boolean log,
                               Color c) {
        g.setColor(c);
        g.setStroke(new BasicStroke(2.5f));
        int[] prev = null;
        for (double[] p : points) {
            double v = value.applyAsDouble(p);
            if (!Double.isFinite(v)) {
                continue;
            }
            int px = x + (int) Math.round(p[0] / maxX * w);
            int py = y + h - (int) Math.round(scale(Math.max(v, minY), minY, maxY, log) * h);
            g.fillOval(px - 4, py - 4, 8, 8);
            if (prev != null) {
                g.drawLine(prev[0], prev[1], px, py);
            }
            prev = new int[] {px, py};
        }
    }

    private static double scale(double v, double min, double max, boolean log) {
        return log ? Math.log10(v / min) / Math.log10(max / min) : v / max;
    }

    private static double niceCeil(double v) {
        if (v <= 0) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 2.5, 3, 4, 5, 10}) {
            if (m * p >= v) {
                return m * p;
            }
        }
        return 10 * p;
    }

    private static String fmt(double v) {
        if (v >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return v >= 10 || v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
