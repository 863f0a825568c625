package io.protoguard.web;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * One headless Chromium (Debian's chromium and chromium-driver, installed by .ci/run) shared by every browser test of
 * the JVM: starting it costs seconds, so it is started once and quit when the JVM ends. Selenium Manager is never
 * asked for anything: the driver and browser paths are given, and SE_OFFLINE is set. Downloads land in
 * {@link #downloads()}, a temporary folder.
 */
final class Chromium {
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver"), CHROMIUM = Path.of("/usr/bin/chromium");
    private static ChromeDriver browser;
    private static Path downloads;

    private Chromium() {}

    static synchronized ChromeDriver browser() throws Exception {
        if (browser != null) return browser;
        if (!Files.isExecutable(CHROMEDRIVER) || !Files.isExecutable(CHROMIUM)) {
            fail("Chromium is not installed (" + CHROMIUM + ", " + CHROMEDRIVER + "); run .ci/run, which installs "
                    + "Debian's chromium and chromium-driver, or: apt-get install -y chromium chromium-driver");
        }
        System.setProperty("SE_OFFLINE", "true");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        Path profile = Files.createTempDirectory("protoguard-chromium-");
        downloads = Files.createTempDirectory("protoguard-downloads-");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1280,1000",
                "--user-data-dir=" + profile);
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("download.default_directory", downloads.toString());
        prefs.put("download.prompt_for_download", false);
        options.setExperimentalOption("prefs", prefs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5)).scriptTimeout(Duration.ofSeconds(30));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> browser.quit()));
        return browser;
    }

    static Path downloads() {
        return downloads;
    }
}
