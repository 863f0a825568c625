package io.protoguard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A monitor in a real headless Chromium (Debian's chromium and chromium-driver, installed by .ci/run):
 * signs in, uploads a workbook, sees the deviations and the timeline, filters, and downloads the XLSX report.
 * Selenium Manager is never asked for anything: the driver and browser paths are given, and SE_OFFLINE is set.
 */
@org.junit.jupiter.api.Tag(Screens.TAG)
class BrowserTest extends WebServiceTestBase {
    private static Path downloads;
    private static WebDriver browser;

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = Chromium.browser();
        downloads = Chromium.downloads();
        browser.manage().deleteAllCookies(); // another browser test may have signed in: this one starts signed out
    }

    @Test
    void monitorUploadsReadsFiltersAndDownloads() throws Exception {
        browser.get(url("/"));
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        browser.findElement(By.id("username")).sendKeys(MONITOR);
        browser.findElement(By.id("password")).sendKeys("wrong-password");
        browser.findElement(By.id("sign-in")).click();
        assertThat(browser.findElement(By.id("login-error")).getText()).contains("Wrong user name or password");

        browser.findElement(By.id("username")).sendKeys(MONITOR);
        browser.findElement(By.id("password")).sendKeys(MONITOR_PASSWORD);
        browser.findElement(By.id("sign-in")).click();

        Path workbook = Files.createTempDirectory("protoguard-upload-").resolve("site01.xlsx");
        Files.write(workbook, ExampleWorkbooks.siteWorkbook());
        new Select(browser.findElement(By.id("protocol"))).selectByValue("sivelestat-evt");
        WebElement asOf = browser.findElement(By.id("asOf"));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].value = '2026-07-01'", asOf);
        browser.findElement(By.id("file")).sendKeys(workbook.toString());
        long started = System.nanoTime();
        browser.findElement(By.id("upload")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> d.getCurrentUrl().matches(".*/runs/\\d+$"));
        System.err.println("upload to result page: " + (System.nanoTime() - started) / 1_000_000 + " ms");

        List<WebElement> rows = browser.findElements(By.cssSelector("#deviation-table tr.deviation"));
        assertThat(rows).isNotEmpty();
        WebElement late = rows.stream().filter(r -> r.getText().contains("SCH-H48-NIHSS")).findFirst().orElseThrow();
        assertThat(late.getText()).contains("S-01", "VISIT_WINDOW", "IMPORTANT", "H48", "60:01 h", "36 to 60 h");
        // the workbook has no Events sheet: a warning (its sICH rules were not applied), never an input error
        assertThat(browser.findElements(By.cssSelector("#input-errors tr.input-error"))).isEmpty();

        browser.findElement(By.cssSelector("details.timeline-card[data-subject='S-01'] summary")).click(); // fetched on demand
        WebElement s01 = browser.findElement(By.cssSelector("svg.timeline[data-subject='S-01']"));
        assertThat(s01.findElements(By.cssSelector("circle.dot.out"))).hasSize(1); // the late H48 NIHSS, drawn red
        assertThat(s01.findElements(By.cssSelector("circle.dot.in")).size()).isGreaterThanOrEqualTo(5);
        assertThat(s01.findElements(By.cssSelector("rect.window")).size()).isGreaterThanOrEqualTo(5);
        browser.findElement(By.cssSelector("details.timeline-card[data-subject='S-02'] summary")).click();
        WebElement s02 = browser.findElement(By.cssSelector("svg.timeline[data-subject='S-02']"));
        assertThat(s02.findElements(By.cssSelector("g.marker.died"))).hasSize(1);

        new Select(browser.findElement(By.id("f-category"))).selectByValue("VISIT_WINDOW"); // applies as it is chosen
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("category=VISIT_WINDOW"));
        List<WebElement> filtered = browser.findElements(By.cssSelector("#deviation-table tr.deviation"));
        assertThat(filtered).hasSize(1);
        assertThat(filtered.get(0).getAttribute("data-category")).isEqualTo("VISIT_WINDOW");

        try (Stream<Path> old = Files.list(downloads)) {
            old.forEach(p -> p.toFile().delete()); // the browser is shared: only this test's download counts
        }
        browser.findElement(By.id("download-xlsx")).click();
        Path report = waitForDownload(".xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(Files.readAllBytes(report)))) {
            StringBuilder all = new StringBuilder();
            wb.getSheet("Deviations").forEach(r -> r.forEach(c -> all.append(c.toString()).append('|')));
            assertThat(all).contains("SCH-H48-NIHSS");
        }
    }

    private static Path waitForDownload(String suffix) throws Exception {
        for (int i = 0; i < 100; i++) {
            try (Stream<Path> files = Files.list(downloads)) {
                var done = files.filter(p -> p.toString().endsWith(suffix)).findFirst();
                if (done.isPresent()) return done.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + suffix + " download arrived in " + downloads);
    }
}
