package io.protoguard.risk;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * kri_result (V45): insert only, one row per nightly run, study, KRI and site. Reads give a run's KRIs, a
 * site's history, and which red flags are new (red tonight, not red in the study's previous run with KRIs).
 */
public class KriStore {
    private final JdbcClient jdbc;

    public KriStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One stored row: a site's score on a KRI in one nightly run. */
    public record Row(long nightlyRunId, String studyId, String kriId, String site, String title, KriKind kind, KriMethod method,
                      double numerator, double denominator, Double metric, Double zUnadjusted, Double z, KriFlag flag,
                      double overall, double phi, double amber, double red, double minDenominator, LocalDate asOf) {}

    public boolean has(long nightlyRunId, String studyId) {
        return jdbc.sql("SELECT COUNT(*) FROM kri_result WHERE nightly_run_id = ? AND study_id = ?")
                .params(nightlyRunId, studyId).query(Long.class).single() > 0;
    }

    public void insert(long nightlyRunId, String studyId, LocalDate asOf, KriDefinition kri, KriScores scores) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (SiteScore s : scores.sites()) {
            jdbc.sql("INSERT INTO kri_result (nightly_run_id, study_id, kri_id, site, title, kind, method, numerator, denominator,"
                    + " metric, z_unadjusted, z, flag, overall, phi, amber, red, min_denominator, as_of, recorded_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(nightlyRunId, studyId, kri.id(), s.site(), kri.title(), scores.kind().name(), scores.method().name(),
                            s.numerator(), s.denominator(), finite(s.metric()), finite(s.unadjustedZ()), finite(s.z()),
                            s.flag().name(), scores.overall(), scores.phi(), scores.amber(), scores.red(), kri.minimumDenominator(),
                            asOf, now)
                    .update();
        }
    }

    /** The study's KRIs in a nightly run, by KRI then site. */
    public List<Row> ofRun(long nightlyRunId, String studyId) {
        return jdbc.sql("SELECT * FROM kri_result WHERE nightly_run_id = ? AND study_id = ? ORDER BY kri_id, site")
                .params(nightlyRunId, studyId).query(KriStore::row).list();
    }

    /** The latest nightly run that stored KRIs for the study, if any. */
    public java.util.Optional<Long> latestRun(String studyId) {
        return jdbc.sql("SELECT MAX(nightly_run_id) FROM kri_result WHERE study_id = ?").param(studyId).query(Long.class).optional();
    }

    /** The nightly run with KRIs for the study just before {@code nightlyRunId}, if any. */
    public java.util.Optional<Long> runBefore(String studyId, long nightlyRunId) {
        return jdbc.sql("SELECT MAX(nightly_run_id) FROM kri_result WHERE study_id = ? AND nightly_run_id < ?")
                .params(studyId, nightlyRunId).query(Long.class).optional();
    }

    /** A study's rows over its last {@code runs} nightly runs with KRIs, oldest first: the trend lines. */
    public List<Row> history(String studyId, int runs) {
        return jdbc.sql("SELECT * FROM kri_result WHERE study_id = ? AND nightly_run_id IN (SELECT nightly_run_id FROM"
                        + " (SELECT DISTINCT nightly_run_id FROM kri_result WHERE study_id = ? ORDER BY nightly_run_id DESC"
                        + " FETCH FIRST " + Math.max(1, runs) + " ROWS ONLY) recent) ORDER BY nightly_run_id, kri_id, site")
                .params(studyId, studyId).query(KriStore::row).list();
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("nightly_run_id"), rs.getString("study_id"), rs.getString("kri_id"), rs.getString("site"),
                rs.getString("title"), KriKind.valueOf(rs.getString("kind")), KriMethod.valueOf(rs.getString("method")),
                rs.getDouble("numerator"), rs.getDouble("denominator"), nullable(rs, "metric"), nullable(rs, "z_unadjusted"),
                nullable(rs, "z"), KriFlag.valueOf(rs.getString("flag")), rs.getDouble("overall"), rs.getDouble("phi"),
                rs.getDouble("amber"), rs.getDouble("red"), rs.getDouble("min_denominator"), rs.getObject("as_of", LocalDate.class));
    }

    private static Double nullable(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }
}
