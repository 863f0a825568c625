package io.protoguard.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.protoguard.generate.DataGenerator;
import io.protoguard.generate.DeviationRates;
import io.protoguard.storage.SiteScope;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 12 in a real headless Chromium: the wrong-protocol hint and its one-click recheck, paging and subject search
 * on a 2,000-subject run (generated once for the class), a review on an upload kept across a re-upload, a timeline
 * with a dose bar and an ICH mark, and no horizontal scroll at 1,280 and 375 px on every page. With
 * -Dprotoguard.screens (mvn test -Pscreens) it also writes the screenshots of docs/screens/.
 */
@Tag(Screens.TAG)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.MethodName.class)
class MonitorAtScaleBrowserTest extends WebServiceTestBase {
    private WebDriver browser;
    private long bigRun;

    @Autowired
    ProtocolCatalog protocols;
    @Autowired
    io.protoguard.storage.UploadFiles files;
    @Autowired
    io.protoguard.storage.RunArchive archive;
    @Autowired
    io.protoguard.storage.AuditLog audit;
    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    void generateTheBigRunAndStartTheBrowser() throws Exception {
        // 2,000 subjects, checked and stored by the service itself: the test server's upload limits (1 MB, 5 MB expanded)
        // are far below a 2,000-subject workbook, so this service is built with a production-sized limit
        CheckService checks = new CheckService(protocols, files, archive, audit, 209_715_200L);
        Path workbook = Files.createTempDirectory("protoguard-2000-").resolve("site-2000.xlsx");
        new DataGenerator(2000, 12, DeviationRates.defaults(), false).write(workbook);
        try (InputStream in = Files.newInputStream(workbook)) {
            bigRun = checks.check(new CheckService.Request(ADMIN, "127.0.0.1", "sivelestat-evt", LocalDate.of(2027, 1, 1), "UTC",
                    "site-2000.xlsx", in, SiteScope.EVERYTHING));
        }
        browser = Chromium.browser();
    }

    @Test
    void a_wrongProtocolIsNamedAtTheTopAndOneClickChecksAgainWithTheRightOne() throws Exception {
        signIn(MONITOR, MONITOR_PASSWORD);
        browser.get(url("/"));
        Select protocol = new Select(browser.findElement(By.id("protocol")));
        assertThat(protocol.getFirstSelectedOption().getAttribute("value")).isEmpty(); // no silent default on a first visit
        Screens.save(browser, "upload");
        Screens.save(browser, "upload", Screens.PHONE);
        protocol.selectByValue("msc-septic-shock");
        upload(ExampleWorkbooks.siteWorkbook(), "sivelestat-site.xlsx");

        WebElement hint = browser.findElement(By.id("protocol-hint"));
        assertThat(hint.getText()).contains("This looks like sivelestat-evt data");
        assertThat(browser.findElement(By.id("run-protocol")).getText()).startsWith("msc-septic-shock");
        Screens.save(browser, "result-wrong-protocol");
        String wrongRun = browser.getCurrentUrl();
        browser.findElement(By.id("recheck")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> d.getCurrentUrl().matches(".*/runs/\\d+$")
                && !d.getCurrentUrl().equals(wrongRun));
        assertThat(browser.findElement(By.id("run-protocol")).getText()).startsWith("sivelestat-evt");
        assertThat(browser.findElements(By.id("protocol-hint"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("#deviation-table tr.deviation"))).isNotEmpty();

        browser.get(url("/")); // the protocol last used is remembered
        assertThat(new Select(browser.findElement(By.id("protocol"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("sivelestat-evt");
    }

    @Test
    void b_aReviewOnAnUploadIsKeptWhenTheSameDataIsUploadedAgain() throws Exception {
        signIn(MONITOR, MONITOR_PASSWORD);
        browser.get(url("/"));
        new Select(browser.findElement(By.id("protocol"))).selectByValue("sivelestat-evt");
        upload(ExampleWorkbooks.siteWorkbook(), "site-review.xlsx");
        String first = browser.getCurrentUrl();

        review("SCH-H48-NIHSS", "NOT_A_DEVIATION", "");
        assertThat(browser.findElement(By.id("flash-error")).getText()).contains("needs a reason");
        review("SCH-H48-NIHSS", "NOT_A_DEVIATION", "NIHSS done at 60:01 h: the minute is a clock difference");
        assertThat(row("SCH-H48-NIHSS").getAttribute("data-status")).isEqualTo("NOT_A_DEVIATION");
        assertThat(row("SCH-H48-NIHSS").getText()).contains("clock difference");

        browser.get(url("/"));
        upload(ExampleWorkbooks.siteWorkbook(), "site-review-again.xlsx");
        assertThat(browser.getCurrentUrl()).isNotEqualTo(first);
        assertThat(row("SCH-H48-NIHSS").getAttribute("data-status")).isEqualTo("NOT_A_DEVIATION"); // same identity, new run
        assertThat(row("SCH-H48-NIHSS").getText()).contains("clock difference");
        // The export of the view carries the verdict in force, in its own columns after the deviation's.
        String again = browser.findElement(By.id("run-id")).getText();
        String csv = fetch(url("/runs/" + again + "/deviations.csv"));
        assertThat(csv.lines().findFirst().orElseThrow()).endsWith(",Review,ReviewReason,ReviewComment,ReviewedBy,ReviewedAt");
        assertThat(csv.lines().filter(l -> l.contains("SCH-H48-NIHSS")).findFirst().orElseThrow())
                .contains(",NOT_A_DEVIATION,").contains("clock difference").contains("," + MONITOR + ",");
        assertThat(csv.lines().skip(1).filter(l -> !l.contains("SCH-H48-NIHSS"))).allMatch(l -> l.contains(",OPEN,")); // others unreviewed
        String json = fetch(url("/runs/" + again + "/deviations.json"));
        assertThat(json).contains("\"status\" : \"NOT_A_DEVIATION\"");
        review("SCH-H48-NIHSS", "OPEN", "");
        assertThat(row("SCH-H48-NIHSS").getAttribute("data-status")).isEqualTo("OPEN");

        String runId = browser.findElement(By.id("run-id")).getText();
        String api = get("/api/runs/" + runId + "/deviations?size=500", MONITOR, MONITOR_PASSWORD).body();
        assertThat(api).contains("\"reviewStatus\":\"OPEN\"").contains("\"total\":");
        assertThat(get("/api/admin/audit?page=1&action=DEVIATION_REVIEWED", ADMIN, ADMIN_PASSWORD).body())
                .contains("NOT_A_DEVIATION: NIHSS done at 60:01 h").contains("-> OPEN");
    }

    @Test
    void c_aTwoThousandSubjectRunIsPagedSearchedAndExportedAsFiltered() throws Exception {
        signIn(ADMIN, ADMIN_PASSWORD);
        long total = jdbc.sql("SELECT COUNT(*) FROM deviation WHERE run_id = ?").param(bigRun).query(Long.class).single();
        assertThat(total).isGreaterThan(50);
        browser.get(url("/runs/" + bigRun));
        assertThat(browser.findElements(By.cssSelector("#deviation-table tr.deviation"))).hasSize(50);
        assertThat(browser.findElement(By.id("filtered-count")).getText()).isEqualTo(String.valueOf(total));
        assertThat(browser.findElements(By.cssSelector("svg.timeline"))).isEmpty(); // no timeline until a subject is opened
        assertThat(browser.findElements(By.cssSelector("details.timeline-card"))).hasSize(50);
        assertThat(browser.getPageSource().length()).isLessThan(400_000);
        Screens.save(browser, "result");
        Screens.save(browser, "result", Screens.PHONE);

        String firstPage = subjects();
        browser.findElement(By.id("next-page")).click();
        assertThat(browser.findElement(By.id("shown-range")).getText()).isEqualTo("51–100");
        assertThat(subjects()).isNotEqualTo(firstPage);

        browser.findElement(By.cssSelector("#deviation-table th a[href*='sort=subject']")).click();
        List<String> sorted = subjectList();
        assertThat(sorted).isSortedAccordingTo(String::compareTo);

        String someone = jdbc.sql("SELECT subject_id FROM deviation WHERE run_id = ? ORDER BY seq DESC LIMIT 1").param(bigRun)
                .query(String.class).single();
        WebElement search = browser.findElement(By.id("f-subject"));
        search.clear();
        search.sendKeys(someone); // applies after a pause in typing, no button
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("subject=" + someone));
        assertThat(subjectList()).isNotEmpty().allMatch(someone::equals);
        long his = jdbc.sql("SELECT COUNT(*) FROM deviation WHERE run_id = ? AND subject_id = ?").params(bigRun, someone)
                .query(Long.class).single();
        assertThat(browser.findElement(By.id("filtered-count")).getText()).isEqualTo(String.valueOf(his));
        assertThat(browser.findElements(By.cssSelector("details.timeline-card"))).hasSize(1);

        String csv = fetch(browser.findElement(By.id("export-csv")).getAttribute("href"));
        long lines = csv.lines().filter(l -> l.contains(someone)).count();
        assertThat(lines).isEqualTo(his);
        assertThat(csv).doesNotContain(firstPage.equals(someone) ? "\u0000" : "EVT-0000001,");
    }

    @Test
    void d_aTimelineDrawsDoseBarsAndAnIchMarkOnACalendarAxis() throws Exception {
        signIn(ADMIN, ADMIN_PASSWORD);
        String subject = jdbc.sql("""
                SELECT subject_id FROM subject_timeline WHERE run_id = ? AND timeline LIKE '%"kind":"ICH"%'
                AND timeline LIKE '%"doses":[{%' ORDER BY subject_id LIMIT 1""").param(bigRun).query(String.class).single();
        browser.get(url("/runs/" + bigRun + "?subject=" + subject + "#timelines"));
        browser.findElement(By.cssSelector("details.timeline-card[data-subject='" + subject + "'] summary")).click();
        WebElement svg = browser.findElement(By.cssSelector("svg.timeline[data-subject='" + subject + "']"));
        assertThat(svg.findElements(By.cssSelector("rect.dose"))).isNotEmpty();
        assertThat(svg.findElements(By.cssSelector("path.event.ich"))).isNotEmpty();
        assertThat(svg.findElements(By.cssSelector("text.date"))).isNotEmpty();
        assertThat(svg.getText()).contains("day 0");
        Screens.save(browser, "timeline");
        String download = fetch(url("/runs/" + bigRun + "/timelines/" + subject + ".svg?download=1"));
        assertThat(download).startsWith("<svg").contains("class=\"dose\"").contains("class=\"event ich\"");
    }

    @Test
    void e_noPageScrollsSidewaysAtDesktopOrPhoneWidth() throws Exception {
        // a failed sign-in with a 100-character user name: the audit log must still fit the screen
        browser.get(url("/login"));
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys("x".repeat(100));
        browser.findElement(By.id("password")).sendKeys("not-the-password");
        browser.findElement(By.id("sign-in")).click();
        assertThat(browser.findElement(By.id("login-error")).getText()).contains("Wrong user name or password");
        signIn(ADMIN, ADMIN_PASSWORD);
        String[][] pages = {{"result", "/runs/" + bigRun}, {"history", "/history?size=5"}, {"audit", "/admin/audit"},
                {"protocols", "/protocols"}, {"rules", "/protocols/sivelestat-evt/rules"}, {"upload", "/"}, {"studies", "/studies"},
                {"users", "/admin/users"}};
        for (String[] page : pages) {
            browser.get(url(page[1]));
            for (int width : new int[] {Screens.DESKTOP, Screens.PHONE}) {
                Screens.emulateWidth(browser, width);
                try {
                    assertThat(Screens.horizontalOverflow(browser)).as(page[0] + " at " + width + " px: " + Screens.overflowing(browser)).isZero();
                } finally {
                    Screens.resetWidth(browser);
                }
            }
            if (!page[0].equals("result") && !page[0].equals("upload")) {
                Screens.save(browser, page[0]);
                Screens.save(browser, page[0], Screens.PHONE);
            }
        }
        browser.get(url("/admin/audit?actor=xxxxxxxxxx"));
        assertThat(browser.findElements(By.cssSelector("#audit tr.audit-event"))).isNotEmpty();
        browser.get(url("/history?size=2"));
        assertThat(browser.findElements(By.cssSelector("#history tr.run"))).hasSize(2);
        assertThat(browser.findElement(By.id("history-range")).getText()).matches("1–2 of \\d+ runs");
        browser.get(url("/protocols/sivelestat-evt/rules"));
        assertThat(browser.findElements(By.cssSelector("#rules li.rule")).size()).isGreaterThan(10);
    }

    private void signIn(String user, String password) {
        browser.get(url("/logout-page-does-not-exist")); // any page of the server, so its cookies can be cleared
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("sign-in")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().endsWith("/login"));
    }

    /** What the signed-in browser gets for a URL (pages take the session cookie, not the API's Basic auth). */
    private String fetch(String href) {
        return (String) ((org.openqa.selenium.JavascriptExecutor) browser).executeAsyncScript(
                "var done = arguments[arguments.length - 1]; fetch(arguments[0], {credentials: 'same-origin'})"
                        + ".then(function (r) { return r.text(); }).then(done, function (e) { done('failed: ' + e); });", href);
    }

    private void upload(byte[] content, String name) throws Exception {
        Path file = Files.createTempDirectory("protoguard-upload-").resolve(name);
        Files.write(file, content);
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].value = '2026-07-01'", browser.findElement(By.id("asOf")));
        browser.findElement(By.id("file")).sendKeys(file.toString());
        browser.findElement(By.id("upload")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> d.getCurrentUrl().matches(".*/runs/\\d+$"));
    }

    private WebElement row(String ruleId) {
        return browser.findElements(By.cssSelector("#deviation-table tr.deviation")).stream()
                .filter(r -> r.getText().contains(ruleId)).findFirst().orElseThrow();
    }

    private void review(String ruleId, String status, String reason) {
        WebElement form = row(ruleId).findElement(By.cssSelector("form.review-form"));
        new Select(form.findElement(By.name("status"))).selectByValue(status);
        form.findElement(By.name("reason")).sendKeys(reason);
        form.findElement(By.cssSelector("button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.findElements(By.id("flash-message")).isEmpty()
                || !d.findElements(By.id("flash-error")).isEmpty());
    }

    private List<String> subjectList() {
        return browser.findElements(By.cssSelector("#deviation-table tr.deviation")).stream()
                .map(r -> r.getAttribute("data-subject")).toList();
    }

    private String subjects() {
        return String.join(",", subjectList());
    }
}
