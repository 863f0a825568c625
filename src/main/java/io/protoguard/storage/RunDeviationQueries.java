package io.protoguard.storage;

import io.protoguard.model.Category;
import io.protoguard.model.Deviation;
import io.protoguard.model.Severity;
import io.protoguard.model.SourceRef;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A stored run's deviations filtered, sorted and paged in the database, and its subjects searched: a run of 100,000
 * subjects is never read whole to show 50 rows. Sorting by visit follows the protocol's schedule, passed in by the
 * caller (the database does not know it).
 */
@Repository
public class RunDeviationQueries {
    /** What the monitor narrowed the table to; blank fields match everything. {@code subject} matches a prefix. */
    public record Filter(String subject, String category, String severity, String visit) {
        public static final Filter NONE = new Filter(null, null, null, null);
    }

    private static final Map<String, String> COLUMNS = Map.of("subject", "subject_id", "category", "category",
            "severity", "severity", "visit", "visit", "occurredOn", "occurred_on", "rule", "rule_id");

    private final JdbcClient jdbc;
    private final RunFacts<Choices> choices = new RunFacts<>();
    private final RunFacts<Long> deviationTotals = new RunFacts<>(), subjectTotals = new RunFacts<>();

    public RunDeviationQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Paging.Page<Deviation> page(long runId, Filter filter, Paging.Request request, Map<String, Integer> visitOrder) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(runId, filter, params);
        boolean unfiltered = params.size() == 1; // only the run: the total never changes, so it is counted once
        long total = unfiltered ? deviationTotals.get(runId, id -> count("SELECT COUNT(*) FROM deviation" + where, params))
                : count("SELECT COUNT(*) FROM deviation" + where, params);
        params.put("limit", request.size());
        params.put("offset", request.offset());
        List<Deviation> rows = jdbc.sql("SELECT * FROM deviation" + where + orderBy(request, visitOrder)
                        + " LIMIT :limit OFFSET :offset").params(params).query(RunDeviationQueries::deviation).list();
        return new Paging.Page<>(rows, request.page(), request.size(), total);
    }

    /** Every deviation the filter keeps, in the requested order (for a download of exactly the filtered view). */
    public List<Deviation> all(long runId, Filter filter, Paging.Request order, Map<String, Integer> visitOrder) {
        Map<String, Object> params = new LinkedHashMap<>();
        return jdbc.sql("SELECT * FROM deviation" + where(runId, filter, params) + orderBy(order, visitOrder))
                .params(params).query(RunDeviationQueries::deviation).list();
    }

    /** What a run's deviations can be filtered by: the distinct categories, severities and visits, each sorted. */
    public record Choices(List<String> categories, List<String> severities, List<String> visits) {}

    /** One pass over the run's deviations (not one per column): on a 100,000-subject run each pass is a scan. */
    public Choices choices(long runId) {
        return choices.get(runId, this::readChoices);
    }

    private Choices readChoices(long runId) {
        java.util.TreeSet<String> categories = new java.util.TreeSet<>(), severities = new java.util.TreeSet<>(),
                visits = new java.util.TreeSet<>();
        jdbc.sql("SELECT category, severity, visit FROM deviation WHERE run_id = ? GROUP BY category, severity, visit")
                .param(runId).query(rs -> {
                    categories.add(rs.getString(1));
                    severities.add(rs.getString(2));
                    if (rs.getString(3) != null) visits.add(rs.getString(3));
                });
        return new Choices(List.copyOf(categories), List.copyOf(severities), List.copyOf(visits));
    }

    /** A subject of the run (every subject placed on a calendar, with or without deviations) and its deviation count. */
    public record SubjectRow(String subjectId, long deviations) {}

    /** The run's subjects whose id starts with {@code prefix} (all when blank), in id order, paged. */
    public Paging.Page<SubjectRow> subjects(long runId, String prefix, Paging.Request request) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("run", runId);
        String where = " WHERE t.run_id = :run";
        if (present(prefix)) {
            where += " AND UPPER(t.subject_id) LIKE :prefix ESCAPE '!'";
            params.put("prefix", likePrefix(prefix));
        }
        String counted = "SELECT COUNT(*) FROM subject_timeline t" + where;
        long total = present(prefix) ? count(counted, params) : subjectTotals.get(runId, id -> count(counted, params));
        params.put("limit", request.size());
        params.put("offset", request.offset());
        // ordered as the primary key (run_id, subject_id) is: read in index order, never a sort of 100,000 rows
        List<String> ids = jdbc.sql("SELECT t.subject_id FROM subject_timeline t" + where
                + " ORDER BY t.run_id, t.subject_id LIMIT :limit OFFSET :offset").params(params).query(String.class).list();
        Map<String, Long> counts = new LinkedHashMap<>();
        ids.forEach(id -> counts.put(id, 0L));
        if (!ids.isEmpty()) {
            jdbc.sql("SELECT subject_id, COUNT(*) FROM deviation WHERE run_id = :run AND subject_id IN (:ids) GROUP BY subject_id")
                    .param("run", runId).param("ids", ids).query(rs -> {
                        counts.put(rs.getString(1), rs.getLong(2));
                    });
        }
        List<SubjectRow> rows = new ArrayList<>();
        counts.forEach((id, n) -> rows.add(new SubjectRow(id, n)));
        return new Paging.Page<>(rows, request.page(), request.size(), total);
    }

    /** One subject's timeline JSON, or null. */
    public String timeline(long runId, String subjectId) {
        return jdbc.sql("SELECT timeline FROM subject_timeline WHERE run_id = ? AND subject_id = ?").params(runId, subjectId)
                .query(String.class).optional().orElse(null);
    }

    /** The run's deviation with this identity (SPEC 8: subject, rule, visit, date), if it has one. */
    public java.util.Optional<Deviation> find(long runId, String subjectId, String ruleId, String visit, LocalDate occurredOn) {
        return jdbc.sql("""
                SELECT * FROM deviation WHERE run_id = :run AND subject_id = :subject AND rule_id = :rule
                AND COALESCE(visit, '') = :visit AND COALESCE(occurred_on, DATE '1900-01-01') = :on ORDER BY seq LIMIT 1""")
                .param("run", runId).param("subject", subjectId).param("rule", ruleId)
                .param("visit", visit == null ? "" : visit).param("on", occurredOn == null ? LocalDate.of(1900, 1, 1) : occurredOn)
                .query(RunDeviationQueries::deviation).optional();
    }

    private long count(String sql, Map<String, Object> params) {
        return jdbc.sql(sql).params(Map.copyOf(params)).query(Long.class).single();
    }

    private static String where(long runId, Filter f, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder(" WHERE run_id = :run");
        params.put("run", runId);
        if (present(f.subject())) {
            sql.append(" AND UPPER(subject_id) LIKE :subject ESCAPE '!'");
            params.put("subject", likePrefix(f.subject()));
        }
        if (present(f.category())) {
            sql.append(" AND category = :category");
            params.put("category", f.category().strip());
        }
        if (present(f.severity())) {
            sql.append(" AND severity = :severity");
            params.put("severity", f.severity().strip());
        }
        if (present(f.visit())) {
            sql.append(" AND visit = :visit");
            params.put("visit", f.visit().strip());
        }
        return sql.toString();
    }

    /** The engine's order (seq) unless a known column is asked for; ties always fall back to it, so pages never overlap. */
    private static String orderBy(Paging.Request r, Map<String, Integer> visitOrder) {
        String column = r.sort() == null ? null : COLUMNS.get(r.sort());
        if (column == null) return " ORDER BY run_id, seq"; // the order of the (run_id, seq) index: read, never sorted
        String dir = r.descending() ? " DESC" : " ASC";
        if (column.equals("severity")) { // IMPORTANT before NON_IMPORTANT, as the Severity enum orders them
            return " ORDER BY CASE severity WHEN '" + Severity.IMPORTANT.name() + "' THEN 0 ELSE 1 END" + dir + ", seq";
        }
        if (column.equals("visit") && !visitOrder.isEmpty()) {
            StringBuilder c = new StringBuilder(" ORDER BY CASE WHEN visit IS NULL THEN 1000");
            visitOrder.forEach((v, i) -> c.append(" WHEN visit = '").append(v.replace("'", "''")).append("' THEN ").append(i));
            return c.append(" ELSE 999 END").append(dir).append(", visit").append(dir).append(", seq").toString();
        }
        return " ORDER BY " + column + dir + (r.descending() ? " NULLS LAST" : " NULLS LAST") + ", seq";
    }

    private static String likePrefix(String s) {
        return s.strip().toUpperCase().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    static Deviation deviation(ResultSet rs, int n) throws SQLException {
        String file = rs.getString("source_file"), sheet = rs.getString("source_sheet");
        Integer row = rs.getObject("source_row", Integer.class);
        SourceRef source = file == null && sheet == null && row == null ? null : new SourceRef(file, sheet, row == null ? 0 : row);
        return new Deviation(rs.getString("subject_id"), Category.valueOf(rs.getString("category")),
                Severity.valueOf(rs.getString("severity")), rs.getString("rule_id"), rs.getString("visit"),
                rs.getObject("occurred_on", LocalDate.class), rs.getString("message"), rs.getString("expected"),
                rs.getString("actual"), rs.getString("citation"), rs.getString("citation_source"), source,
                rs.getString("protocol_version"));
    }
}
