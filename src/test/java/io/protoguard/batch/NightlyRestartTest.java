package io.protoguard.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kill and resume: a child JVM runs the nightly job over six studies (each study held open 2 s inside its
 * transaction), is killed with SIGKILL once the first studies have committed and while others are mid-transaction,
 * and the same as-of date is started again. The database must then hold exactly what an uninterrupted run over the
 * same data holds: every identity, observation and state, none twice, none missing, and every report.
 */
class NightlyRestartTest {
    @TempDir
    Path dir;

    @Test
    void aRunKilledMidwayAndStartedAgainEqualsAnUninterruptedRun() throws Exception {
        NightlyFixture killed = new NightlyFixture(dir, "killed"), straight = new NightlyFixture(dir, "straight");
        StringBuilder yaml = new StringBuilder("studies:\n");
        String[][] studies = {{"S1", "sivelestat-evt", "day-windows"}, {"S2", "sivelestat-evt", "dosing"}, {"S3", "sivelestat-evt", "safety"},
                {"M1", "msc-septic-shock", "visit-windows"}, {"M2", "msc-septic-shock", "arms-and-dosing"}, {"M3", "msc-septic-shock", "eligibility-and-consent"}};
        for (String[] s : studies) {
            killed.study(s[0].toLowerCase(), s[1], s[2]);
            yaml.append("  - {id: ").append(s[0]).append(", protocol: ").append(s[1]).append(", data: ").append(s[0].toLowerCase()).append("}\n");
        }
        killed.studiesFile(yaml.toString());
        String studiesYml = dir.resolve("studies.yml").toString();
        // A first night on both databases, so the interrupted night has states other than NEW to get right.
        assertThat(killed.nightly("--as-of", "2026-07-01", "--studies", studiesYml).exit()).isZero();
        assertThat(straight.nightly("--as-of", "2026-07-01", "--studies", studiesYml).exit()).isZero();
        // The second night's data: one assessment, one dose and one criterion fewer (RESOLVED, NEW, missed ones).
        dropFirstDataRow(dir.resolve("s1/Assessments.csv"));
        dropFirstDataRow(dir.resolve("m2/Doses.csv"));
        dropFirstDataRow(dir.resolve("m3/Criteria.csv"));

        long start = System.nanoTime();
        List<String> childErr = Collections.synchronizedList(new ArrayList<>());
        Process child = childNightly(killed, "2026-07-02", childErr);
        int committedAtKill = waitForCommits(childErr, 1, 240); // a cold child JVM on a loaded 2-core machine took over 60 s
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        // What the killed child committed is read from its database: a study can commit and the child die before its
        // "checked" line reaches stderr, so the lines are only a lower bound.
        int committed = killed.query(j -> j.sql("SELECT COUNT(*) FROM study_run s JOIN nightly_run n ON n.id = s.nightly_run_id "
                + "WHERE n.as_of = DATE '2026-07-02' AND s.status = 'CHECKED'").query(Integer.class).single());
        assertThat(committed).as("killed midway: " + childErr).isGreaterThanOrEqualTo(Math.max(committedAtKill, count(childErr, "checked")))
                .isLessThan(studies.length);

        NightlyFixture.Run resumed = killed.nightly("--as-of", "2026-07-02");
        assertThat(resumed.exit()).as(resumed.err()).isZero();
        assertThat(resumed.err()).contains("left running by a process that is gone; marked FAILED");
        assertThat(count(List.of(resumed.err().split("\n")), "checked")).isEqualTo(studies.length - committed);
        System.err.println("kill and resume took " + (System.nanoTime() - start) / 1_000_000 + " ms; " + committed + " studies committed before the kill");

        assertThat(straight.nightly("--as-of", "2026-07-02").exit()).isZero();
        Map<String, List<String>> expected = snapshot(straight), actual = snapshot(killed);
        assertThat(actual.get("observations")).hasSizeGreaterThan(100).doesNotHaveDuplicates();
        assertThat(actual).isEqualTo(expected);
        assertThat(reports(killed)).isEqualTo(reports(straight)).hasSize(2 * studies.length);
        List<String> executions = killed.query(j -> j.sql("SELECT STATUS FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID").query(String.class).list());
        assertThat(executions)
                .containsExactly("COMPLETED", "FAILED", "COMPLETED");
    }

    private static void dropFirstDataRow(Path csv) throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(csv));
        lines.remove(1);
        Files.write(csv, lines);
    }

    private static Process childNightly(NightlyFixture f, String asOf, List<String> err) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), "-Dprotoguard.home=" + Path.of("").toAbsolutePath(),
                "io.protoguard.cli.Main", "nightly", "--as-of", asOf, "--protoguard.nightly.partition-delay-ms=2000"));
        command.addAll(f.springArgs());
        Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) err.add(line);
            } catch (java.io.IOException ignored) {
                // the child was killed
            }
        }, "child-stderr");
        reader.setDaemon(true);
        reader.start();
        return p;
    }

    private static int waitForCommits(List<String> err, int n, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            int c = count(err, "checked");
            if (c >= n) return c;
            Thread.sleep(50);
        }
        throw new AssertionError("no study committed within " + seconds + " s: " + err);
    }

    private static int count(List<String> lines, String word) {
        synchronized (lines) {
            return (int) lines.stream().filter(l -> l.startsWith("protoguard: study ") && l.contains(" " + word + ":")).count();
        }
    }

    private static List<String> reports(NightlyFixture f) throws Exception {
        try (Stream<Path> s = Files.walk(f.reportDir())) {
            return s.filter(Files::isRegularFile).map(p -> f.reportDir().relativize(p).toString()).sorted().toList();
        }
    }

    /** A row as text with its column names in lower case: H2 names them in upper case, PostgreSQL in lower. */
    private static String lowerCaseColumns(Map<String, Object> row) {
        Map<String, Object> lower = new LinkedHashMap<>();
        row.forEach((column, value) -> lower.put(column.toLowerCase(java.util.Locale.ROOT), value));
        return lower.toString();
    }

    /** Every nightly table's content without ids and times, which differ between two databases doing the same work. */
    static Map<String, List<String>> snapshot(NightlyFixture f) {
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("runs", "SELECT as_of, run_key FROM nightly_run ORDER BY 1, 2");
        queries.put("studyRuns", """
                SELECT n.as_of, s.study_id, s.status, s.reason, s.protocol_version, s.subjects, s.input_errors, s.new_count, s.open_count,
                  s.reopened_count, s.resolved_count FROM study_run s JOIN nightly_run n ON n.id = s.nightly_run_id ORDER BY 1, 2, 3""");
        queries.put("identities", """
                SELECT i.fingerprint, i.study_id, i.subject_id, i.rule_id, i.category, i.visit, i.record_key, n.as_of
                FROM deviation_identity i JOIN nightly_run n ON n.id = i.first_nightly_run_id ORDER BY 1""");
        queries.put("observations", """
                SELECT n.as_of, o.fingerprint, o.study_id, o.state, o.subject_id, o.category, o.severity, o.rule_id, o.visit, o.occurred_on,
                  o.message, o.expected, o.actual, o.citation, o.source_file, o.source_sheet, o.source_row, o.protocol_version
                FROM deviation_observation o JOIN nightly_run n ON n.id = o.nightly_run_id ORDER BY 1, 2""");
        queries.put("reviews", "SELECT fingerprint, status, reason, review_comment, reviewed_by FROM deviation_review ORDER BY id");
        return f.query(jdbc -> {
            Map<String, List<String>> result = new LinkedHashMap<>();
            queries.forEach((name, sql) -> result.put(name, jdbc.sql(sql).query().listOfRows().stream().map(NightlyRestartTest::lowerCaseColumns).toList()));
            return result;
        });
    }
}
