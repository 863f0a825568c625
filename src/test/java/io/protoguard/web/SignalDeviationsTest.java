package io.protoguard.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.protoguard.cli.Main;
import io.protoguard.generate.DataGenerator;
import io.protoguard.generate.DeviationRates;
import io.protoguard.generate.SiteRates;
import io.protoguard.storage.Study;
import io.protoguard.storage.StudyRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A KRI signal's deviations one click away (issue 13): after a nightly run, the Risk page links each site of a KRI to
 * the study page narrowed to that site's subjects and to what the KRI counts; the page then lists exactly the
 * deviations the database holds for that site (sites read here straight from the generated Subjects file), and
 * important ones only for KRI-IMP.
 */
class SignalDeviationsTest extends WebServiceTestBase {
    @TempDir
    Path dir;
    @Autowired
    StudyRegistry studies;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aSitesLinkLeadsToExactlyThatSitesDeviations() throws Exception {
        Path data = dir.resolve("sig-study");
        new DataGenerator(400, 3, DeviationRates.parse("all=0.03"), SiteRates.parse("SITE-03=3"), false).write(data);
        studies.save(new Study("SIG-S", "sivelestat-evt", List.of(), data.toString(), "UTC", true, OffsetDateTime.now(), ADMIN));
        try {
            // the run's exit code also covers studies other tests left registered (their temporary data gone): SIG-S's own outcome counts
            Main.run("nightly", "--as-of", "2026-09-15", "--spring.datasource.url=jdbc:h2:mem:protoguard-web-test;DB_CLOSE_DELAY=-1",
                    "--protoguard.data-dir=" + dir, "--protoguard.nightly.report-dir=" + dir.resolve("reports"));
        } finally { // other tests' nightly runs must not check it again
            studies.save(new Study("SIG-S", "sivelestat-evt", List.of(), data.toString(), "UTC", false, OffsetDateTime.now(), ADMIN));
        }
        Set<String> site03 = subjectsAt(data, "SITE-03");
        assertThat(site03).isNotEmpty();
        long check = jdbc.sql("SELECT MAX(id) FROM study_run WHERE study_id = 'SIG-S'").query(Long.class).single();
        assertThat(jdbc.sql("SELECT status FROM study_run WHERE id = ?").param(check).query(String.class).single()).isEqualTo("CHECKED");
        List<String[]> all = jdbc.sql("SELECT subject_id, severity FROM deviation_observation WHERE study_run_id = ?").param(check)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
        long expectedImportant = all.stream().filter(r -> site03.contains(r[0]) && r[1].equals("IMPORTANT")).count();
        long expectedAll = all.stream().filter(r -> site03.contains(r[0])).count();
        assertThat(expectedImportant).isPositive().isLessThan(expectedAll);

        Session monitor = new Session();
        monitor.signIn(ADMIN, ADMIN_PASSWORD);
        String risk = monitor.get("/studies/SIG-S/risk").body();
        Matcher link = Pattern.compile("class=\"site-deviations\" href=\"([^\"]*site=SITE-03[^\"]*kri=KRI-IMP[^\"]*)\"").matcher(risk);
        assertThat(link.find()).as("a link from SITE-03 on KRI-IMP").isTrue();
        String page = monitor.get(link.group(1).replace("&amp;", "&") + "&size=200").body();
        assertThat(page).contains("id=\"deviation-filter\"").contains("at site SITE-03");
        assertThat(total(page)).isEqualTo(expectedImportant);
        assertThat(subjectsShown(page)).isNotEmpty().allMatch(site03::contains);
        Matcher severities = Pattern.compile("class=\"sev-([A-Z_]+)\"").matcher(page);
        while (severities.find()) assertThat(severities.group(1)).isEqualTo("IMPORTANT");

        String everything = monitor.get("/studies/SIG-S?site=SITE-03&size=200").body();
        assertThat(total(everything)).isEqualTo(expectedAll);
        assertThat(total(monitor.get("/studies/SIG-S").body())).isEqualTo(all.size());
    }

    private static long total(String page) {
        Matcher m = Pattern.compile("id=\"observations-range\">[^<]* of (\\d+)<").matcher(page);
        assertThat(m.find()).as("the range line").isTrue();
        return Long.parseLong(m.group(1));
    }

    /** The Subject cells of the deviation table. */
    private static Set<String> subjectsShown(String page) {
        Set<String> out = new HashSet<>();
        Matcher m = Pattern.compile("<td class=\"subject-id\">([^<]*)</td>").matcher(page);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    /** The site's subjects, read straight from the generated Subjects file (not through the service). */
    private static Set<String> subjectsAt(Path data, String site) throws Exception {
        Path file;
        try (Stream<Path> files = Files.list(data)) {
            file = files.filter(p -> p.getFileName().toString().equalsIgnoreCase("Subjects.csv")).findFirst().orElseThrow();
        }
        List<String> lines = Files.readAllLines(file);
        List<String> header = Arrays.asList(lines.get(0).replace("\uFEFF", "").split(","));
        int id = header.indexOf("SubjectId"), at = header.indexOf("Site");
        Set<String> out = new HashSet<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            if (f[at].equals(site)) out.add(f[id]);
        }
        return out;
    }
}
