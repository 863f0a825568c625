package io.protoguard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.protoguard.generate.DataGenerator;
import io.protoguard.generate.DeviationRates;
import io.protoguard.risk.KriDefinition;
import io.protoguard.risk.KriDenominator;
import io.protoguard.risk.KriMethod;
import io.protoguard.risk.KriNumerator;
import io.protoguard.risk.KriStore;
import io.protoguard.risk.SiteCount;
import io.protoguard.storage.Study;
import io.protoguard.storage.StudyRegistry;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The Risk page in headless Chromium: a study with stored KRIs (twenty sites, one planted at 10 of 10) shows a funnel
 * plot per KRI with a point per site and the amber and red limit curves, the planted site red and a NEW signal; the
 * study page names it; the API gives the same flags. Screenshots only when -Dprotoguard.screens names a folder.
 */
@org.junit.jupiter.api.Tag(Screens.TAG)
class RiskBrowserTest extends WebServiceTestBase {
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver"), CHROMIUM = Path.of("/usr/bin/chromium");
    private static WebDriver browser;

    @Autowired
    KriStore kris;
    @Autowired
    StudyRegistry studies;
    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void startBrowser() throws Exception {
        if (!Files.isExecutable(CHROMEDRIVER) || !Files.isExecutable(CHROMIUM)) fail("Chromium is not installed (" + CHROMIUM + ")");
        System.setProperty("SE_OFFLINE", "true");
        Path profile = Files.createTempDirectory("protoguard-chromium-risk-");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1280,1000", "--user-data-dir=" + profile);
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(), options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) browser.quit();
    }

    @Test
    void theRiskPageDrawsAFunnelPlotPerKri() throws Exception {
        studies.save(new Study("RISK-S", "sivelestat-evt", List.of("S01"), DATA_DIR.toString(), "UTC", false, OffsetDateTime.now(), ADMIN));
        jdbc.sql("INSERT INTO nightly_run (job_instance_id, as_of, run_key, created_at) VALUES (990001, ?, 'scheduled', ?)")
                .params(LocalDate.of(2026, 8, 1), OffsetDateTime.now()).update();
        long run = jdbc.sql("SELECT id FROM nightly_run WHERE job_instance_id = 990001").query(Long.class).single();
        List<SiteCount> counts = new ArrayList<>();
        for (int i = 1; i <= 20; i++) counts.add(new SiteCount(String.format("SITE-%02d", i), i == 3 ? 10 : 2 + i % 3, 10 + i));
        for (KriDefinition k : List.of(
                new KriDefinition("KRI-IMP", "Subjects with an important deviation", KriNumerator.IMPORTANT_DEVIATIONS, KriDenominator.SUBJECTS,
                        KriMethod.WINSORIZED, 2, 3, 3, null, "test"),
                new KriDefinition("KRI-ELIG", "Eligibility deviations per randomized subject", KriNumerator.ELIGIBILITY_DEVIATIONS,
                        KriDenominator.RANDOMIZED_SUBJECTS, KriMethod.GSM, 2, 3, 3, null, "test"))) {
            kris.insert(run, "RISK-S", LocalDate.of(2026, 8, 1), k, k.score(counts));
        }

        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(ADMIN);
        browser.findElement(By.id("password")).sendKeys(ADMIN_PASSWORD);
        browser.findElement(By.id("sign-in")).click();
        browser.get(url("/studies/RISK-S/risk"));
        assertThat(browser.findElements(By.cssSelector("svg.funnel"))).hasSize(2);
        var imp = browser.findElement(By.id("kri-KRI-IMP"));
        assertThat(imp.findElements(By.cssSelector("circle.site-point"))).hasSize(20);
        assertThat(imp.findElements(By.cssSelector("polyline.limit-red"))).hasSize(2);
        assertThat(imp.findElements(By.cssSelector("polyline.limit-amber"))).hasSize(2);
        assertThat(imp.findElement(By.cssSelector("circle.flag-RED")).getAttribute("data-site")).isEqualTo("SITE-03");
        assertThat(browser.findElement(By.id("new-signals")).getText()).contains("SITE-03 red on KRI-IMP");
        assertThat(imp.findElements(By.cssSelector("svg.trend polyline"))).hasSize(20);
        screen("risk");

        browser.get(url("/studies/RISK-S"));
        assertThat(browser.findElement(By.id("kri-signals")).getText()).contains("NEW SITE-03 red on KRI-IMP");

        HttpResponse<String> api = get("/api/studies/RISK-S/kris", ADMIN, ADMIN_PASSWORD);
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.body()).contains("\"nightlyRunId\":" + run).contains("\"site\":\"SITE-03\"").contains("\"flag\":\"RED\"")
                .containsPattern("\"newSignals\":\\[.*\\{\"kriId\":\"KRI-IMP\",\"title\":\"[^\"]*\",\"site\":\"SITE-03\"");
        assertThat(get("/api/studies/RISK-S/kris", MONITOR, MONITOR_PASSWORD).statusCode()).as("not the monitor's sites").isEqualTo(404);
    }

    @Test
    void theWorklistListsWhatIsComingDue() throws Exception {
        Path data = Files.createTempDirectory("protoguard-worklist-").resolve("study");
        new DataGenerator(400, 3, DeviationRates.parse("missed-d90=1"), false).write(data);
        studies.save(new Study("WL-S", "sivelestat-evt", List.of("S01"), data.toString(), "UTC", false, OffsetDateTime.now(), ADMIN));
        browser.get(url("/login"));
        if (!browser.findElements(By.id("username")).isEmpty()) {
            browser.findElement(By.id("username")).sendKeys(ADMIN);
            browser.findElement(By.id("password")).sendKeys(ADMIN_PASSWORD);
            browser.findElement(By.id("sign-in")).click();
        }
        browser.get(url("/studies/WL-S/worklist?asOf=2025-09-01&days=7"));
        int rows = browser.findElements(By.cssSelector("#worklist tr.worklist-item")).size();
        assertThat(rows).isGreaterThan(5);
        assertThat(browser.findElement(By.cssSelector("#worklist tr.worklist-item")).getText()).contains("D90").contains("MRS");
        screen("worklist");
        // reachable from the main navigation on a study's pages, and from the studies list for the studies the user may see
        assertThat(browser.findElement(By.id("nav-risk")).getAttribute("href")).endsWith("/studies/WL-S/risk");
        assertThat(browser.findElement(By.id("nav-worklist")).getAttribute("href")).endsWith("/studies/WL-S/worklist");
        browser.get(url("/studies"));
        assertThat(browser.findElements(By.cssSelector("#studies a.worklist-link[href$='/studies/WL-S/worklist']"))).hasSize(1);
        Session monitorSession = new Session();
        monitorSession.signIn(MONITOR, MONITOR_PASSWORD);
        assertThat(monitorSession.get("/studies").body()).as("not the monitor's sites").doesNotContain("/studies/WL-S/worklist");
        browser.get(url("/studies/WL-S/worklist?asOf=2025-09-01&days=7"));
        HttpResponse<String> api = get("/api/studies/WL-S/worklist?asOf=2025-09-01&days=7", ADMIN, ADMIN_PASSWORD);
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.body().split("\"subjectId\"", -1)).hasSize(rows + 1);

        // the exports are exactly the page's view: the same windows in the same order, per site
        String site = browser.findElement(By.cssSelector("#worklist tr.worklist-item td:nth-child(4)")).getText();
        List<String> pageRows = new ArrayList<>();
        browser.get(url("/studies/WL-S/worklist?asOf=2025-09-01&days=7&site=" + site));
        for (var tr : browser.findElements(By.cssSelector("#worklist tr.worklist-item"))) {
            var td = tr.findElements(By.tagName("td"));
            pageRows.add(td.get(0).getText() + " " + td.get(2).getText() + " " + td.get(3).getText() + " " + td.get(4).getText() + " " + td.get(5).getText());
        }
        assertThat(pageRows).isNotEmpty().allMatch(r -> r.contains(" " + site + " "));
        assertThat(browser.findElement(By.id("worklist-xlsx")).getAttribute("href")).contains("/studies/WL-S/worklist.xlsx").contains("site=" + site);
        Session session = new Session(); // the page's link is a page route: signed in through the form, like the browser
        assertThat(session.signIn(ADMIN, ADMIN_PASSWORD)).doesNotContain("error");
        HttpResponse<byte[]> xlsx = session.client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                url("/studies/WL-S/worklist.xlsx?asOf=2025-09-01&days=7&site=" + site))).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Disposition").orElse("")).contains("worklist-WL-S-" + site + "-2025-09-01.xlsx");
        List<String> fileRows = new ArrayList<>();
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.body()))) {
            var sheet = wb.getSheet("Worklist");
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo(site);
            assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).isEqualTo("2025-09-01");
            for (int r = 7; r <= sheet.getLastRowNum(); r++) {
                var row = sheet.getRow(r);
                fileRows.add(row.getCell(0).getLocalDateTimeCellValue().toLocalDate() + " " + row.getCell(2).getStringCellValue() + " "
                        + row.getCell(3).getStringCellValue() + " " + row.getCell(4).getStringCellValue() + " " + row.getCell(5).getStringCellValue());
            }
        }
        assertThat(fileRows).isEqualTo(pageRows);
        HttpResponse<String> csv = get("/api/studies/WL-S/worklist?format=csv&asOf=2025-09-01&days=7&site=" + site, ADMIN, ADMIN_PASSWORD);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        List<String> csvRows = csv.body().lines().skip(7).map(l -> l.split(",")).map(f -> f[0] + " " + f[2] + " " + f[3] + " " + f[4] + " " + f[5]).toList();
        assertThat(csvRows).isEqualTo(pageRows);
        assertThat(get("/api/studies/WL-S/worklist?format=pdf", ADMIN, ADMIN_PASSWORD).statusCode()).isEqualTo(400);
        assertThat(getBytes("/api/studies/WL-S/worklist?format=xlsx", MONITOR, MONITOR_PASSWORD).statusCode()).as("not the monitor's sites").isEqualTo(404);
    }

    /** docs/screens/<page>-1280.png, only under mvn test -Pscreens (Screens). */
    private static void screen(String page) {
        Screens.save(browser, page);
    }
}
