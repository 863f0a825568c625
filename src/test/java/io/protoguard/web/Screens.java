package io.protoguard.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chromium.HasCdp;

/**
 * Screenshots of the pages for docs/screens/, the convention every browser test follows: a PNG is written only when
 * the system property {@code protoguard.screens} names a folder (the Maven profile {@code screens} sets it to
 * docs/screens and runs only the tests tagged {@value #TAG}), so a plain {@code mvn test} never writes into the
 * tracked tree. File names are {@code <page>-1280.png} and, where the phone width is shot, {@code <page>-375.png}.
 * The whole page is shot, not just the first screenful: the viewport is set to the width and the page's height
 * through the DevTools protocol, then put back.
 */
public final class Screens {
    /** The JUnit tag of browser tests; {@code mvn test -Pscreens} runs exactly these. */
    public static final String TAG = "browser";
    public static final int DESKTOP = 1280, PHONE = 375;
    private static final int MAX_HEIGHT = 12_000; // a longer page is cut there: a screenshot is for reading, not archiving

    private Screens() {}

    /** Saves {@code <page>-1280.png} when screenshots are asked for; does nothing otherwise. */
    public static void save(WebDriver driver, String page) {
        save(driver, page, DESKTOP);
    }

    /** Saves {@code <page>-<width>.png} (the page laid out at that width) when screenshots are asked for. */
    public static void save(WebDriver driver, String page, int width) {
        String folder = System.getProperty("protoguard.screens");
        if (folder == null || folder.isBlank()) return;
        try {
            Path dir = Files.createDirectories(Path.of(folder));
            Files.write(dir.resolve(page + "-" + width + ".png"), shoot(driver, width));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the screenshot of " + page, e);
        }
    }

    /** Lays the page out at {@code width} CSS pixels (a phone at 375), as a real window of that width would. */
    public static void emulateWidth(WebDriver driver, int width) {
        cdp(driver).executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", 900,
                "deviceScaleFactor", 1, "mobile", width < 600));
    }

    /** Back to the browser's own window size. */
    public static void resetWidth(WebDriver driver) {
        cdp(driver).executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    /** How far the page is wider than the viewport, in CSS pixels (0 when there is no horizontal scroll). */
    public static long horizontalOverflow(WebDriver driver) {
        Object o = ((JavascriptExecutor) driver).executeScript(
                "return Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - window.innerWidth;");
        return Math.max(0, ((Number) o).longValue());
    }

    /** The elements that reach past the right edge of the viewport (tag#id.class and right edge), for a failure message. */
    public static String overflowing(WebDriver driver) {
        Object o = ((JavascriptExecutor) driver).executeScript("""
                var out = [], w = document.documentElement.clientWidth;
                document.querySelectorAll('body *').forEach(function (e) {
                  var r = e.getBoundingClientRect();
                  if (r.right > w + 0.5 && out.length < 8) out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                      + (e.className && e.className.baseVal === undefined ? '.' + e.className : '') + ' ' + Math.round(r.right));
                });
                return out.join(', ');""");
        return String.valueOf(o);
    }

    private static byte[] shoot(WebDriver driver, int width) {
        emulateWidth(driver, width);
        try {
            long height = ((Number) ((JavascriptExecutor) driver).executeScript(
                    "return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight);")).longValue();
            int h = (int) Math.min(MAX_HEIGHT, Math.max(400, height));
            cdp(driver).executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", h,
                    "deviceScaleFactor", 1, "mobile", width < 600));
            Map<String, Object> shot = cdp(driver).executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                    "captureBeyondViewport", true));
            return Base64.getDecoder().decode((String) shot.get("data"));
        } finally {
            resetWidth(driver);
        }
    }

    private static HasCdp cdp(WebDriver driver) {
        if (driver instanceof HasCdp c) return c;
        throw new IllegalArgumentException("screenshots need a Chromium driver (DevTools protocol), not " + driver.getClass());
    }
}
