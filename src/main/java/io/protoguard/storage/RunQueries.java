package io.protoguard.storage;

import io.protoguard.model.Category;
import io.protoguard.model.Deviation;
import io.protoguard.model.InputError;
import io.protoguard.model.Severity;
import io.protoguard.model.SourceRef;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads stored runs back: the history, one run, its deviations, input errors, reports and timelines. */
@Repository
public class RunQueries {
    private static final String RUN_SELECT = """
            SELECT r.*, u.sha256, u.file_name, u.file_kind, u.size_bytes, u.uploaded_by, u.uploaded_at
            FROM check_run r JOIN upload u ON u.id = r.upload_id""";

    private final JdbcClient jdbc;

    public RunQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<StoredRun> run(long runId) {
        return jdbc.sql(RUN_SELECT + " WHERE r.id = ?").param(runId)
                .query((rs, n) -> run(rs, countsByCategory(rs.getLong("id")))).optional();
    }

    /** Newest first, every run (an ADMIN's view). */
    public List<StoredRun> latest(int limit) {
        return latest(limit, SiteScope.EVERYTHING);
    }

    /** Newest first, the runs {@code scope} covers. */
    public List<StoredRun> latest(int limit, SiteScope scope) {
        List<Long> ids = visibleIds(limit, scope, null);
        if (ids.isEmpty()) return List.of();
        Map<Long, Map<String, Integer>> counts = countsByCategory(ids);
        return jdbc.sql(RUN_SELECT + " WHERE r.id IN (:ids) ORDER BY r.id DESC").param("ids", ids)
                .query((rs, n) -> run(rs, counts.getOrDefault(rs.getLong("id"), Map.of()))).list();
    }

    /** Sortable columns of the history of runs (issue 12); anything else sorts newest first. */
    private static final Map<String, String> RUN_COLUMNS = Map.of("id", "r.id", "startedAt", "r.started_at",
            "runBy", "r.run_by", "protocol", "r.protocol_id", "asOf", "r.as_of", "subjects", "r.subjects",
            "inputErrors", "r.input_errors", "deviations", "r.deviations");

    /** One page of the runs {@code scope} covers, sorted as asked (newest first by default), with the total. */
    public Paging.Page<StoredRun> page(SiteScope scope, Paging.Request request) {
        String column = request.sort() == null ? null : RUN_COLUMNS.get(request.sort());
        String order = column == null ? "r.id DESC" : column + (request.descending() ? " DESC" : " ASC") + ", r.id DESC";
        Map<String, Object> params = new LinkedHashMap<>();
        String where = visibleWhere(scope, null, params);
        long total = jdbc.sql("SELECT COUNT(*) FROM check_run r" + where).params(params).query(Long.class).single();
        params.put("limit", request.size());
        params.put("offset", request.offset());
        List<Long> ids = jdbc.sql("SELECT r.id FROM check_run r" + where + " ORDER BY " + order + " LIMIT :limit OFFSET :offset")
                .params(params).query(Long.class).list();
        Map<Long, StoredRun> byId = new LinkedHashMap<>();
        ids.forEach(id -> byId.put(id, null));
        if (!ids.isEmpty()) {
            Map<Long, Map<String, Integer>> counts = countsByCategory(ids);
            jdbc.sql(RUN_SELECT + " WHERE r.id IN (:ids)").param("ids", ids)
                    .query((rs, n) -> run(rs, counts.getOrDefault(rs.getLong("id"), Map.of()))).list()
                    .forEach(r -> byId.put(r.id(), r));
        }
        return new Paging.Page<>(List.copyOf(byId.values()), request.page(), request.size(), total);
    }

    private Map<Long, Map<String, Integer>> countsByCategory(List<Long> ids) {
        Map<Long, Map<String, Integer>> counts = new LinkedHashMap<>();
        jdbc.sql("SELECT run_id, category, COUNT(*) AS n FROM deviation WHERE run_id IN (:ids) GROUP BY run_id, category ORDER BY category")
                .param("ids", ids)
                .query(rs -> {
                    counts.computeIfAbsent(rs.getLong("run_id"), k -> new LinkedHashMap<>())
                            .put(rs.getString("category"), rs.getInt("n"));
                });
        return counts;
    }

    /** The run if {@code scope} covers it; empty when there is no such run or it is not the user's to see. */
    public Optional<StoredRun> run(long runId, SiteScope scope) {
        return visibleIds(1, scope, runId).isEmpty() ? Optional.empty() : run(runId);
    }

    /** The sites of the run's subjects, sorted. */
    public List<String> sites(long runId) {
        return jdbc.sql("SELECT site FROM run_site WHERE run_id = ? ORDER BY site").param(runId).query(String.class).list();
    }

    /** Newest first: ids of the runs whose sites are all in the scope (or, holding no site, uploaded by its user). */
    private List<Long> visibleIds(int limit, SiteScope scope, Long only) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder sql = new StringBuilder("SELECT r.id FROM check_run r").append(visibleWhere(scope, only, params));
        sql.append(" ORDER BY r.id DESC LIMIT :limit");
        params.put("limit", limit);
        return jdbc.sql(sql.toString()).params(params).query(Long.class).list();
    }

    private static String visibleWhere(SiteScope scope, Long only, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder(" WHERE 1 = 1");
        if (only != null) {
            sql.append(" AND r.id = :only");
            params.put("only", only);
        }
        if (!scope.everything()) {
            String noSite = "NOT EXISTS (SELECT 1 FROM run_site s WHERE s.run_id = r.id)";
            if (scope.sites().isEmpty()) {
                sql.append(" AND ").append(noSite).append(" AND r.run_by = :user");
            } else {
                sql.append(" AND NOT EXISTS (SELECT 1 FROM run_site s WHERE s.run_id = r.id AND s.site NOT IN (:sites))")
                        .append(" AND (NOT ").append(noSite).append(" OR r.run_by = :user)");
                params.put("sites", List.copyOf(scope.sites()));
            }
            params.put("user", scope.user() == null ? "" : scope.user());
        }
        return sql.toString();
    }

    public List<Deviation> deviations(long runId) {
        return jdbc.sql("SELECT * FROM deviation WHERE run_id = ? ORDER BY seq").param(runId)
                .query((rs, n) -> new Deviation(rs.getString("subject_id"), Category.valueOf(rs.getString("category")),
                        Severity.valueOf(rs.getString("severity")), rs.getString("rule_id"), rs.getString("visit"),
                        rs.getObject("occurred_on", LocalDate.class), rs.getString("message"), rs.getString("expected"),
                        rs.getString("actual"), rs.getString("citation"), rs.getString("citation_source"), source(rs),
                        rs.getString("protocol_version")))
                .list();
    }

    /** kind is ERROR or WARNING. */
    public List<InputError> inputErrors(long runId, String kind) {
        return jdbc.sql("SELECT * FROM input_error WHERE run_id = ? AND kind = ? ORDER BY seq").params(runId, kind)
                .query((rs, n) -> new InputError(rs.getString("file_name"), rs.getString("sheet"),
                        (Integer) rs.getObject("source_row", Integer.class), rs.getString("column_name"),
                        rs.getString("cell"), rs.getString("message")))
                .list();
    }

    public Optional<byte[]> report(long runId, String format) {
        return jdbc.sql("SELECT content FROM run_report WHERE run_id = ? AND report_format = ?").params(runId, format)
                .query((rs, n) -> rs.getBytes(1)).optional();
    }

    /** Subject id to timeline JSON, in subject order. */
    public Map<String, String> timelines(long runId) {
        Map<String, String> result = new LinkedHashMap<>();
        jdbc.sql("SELECT subject_id, timeline FROM subject_timeline WHERE run_id = ? ORDER BY subject_id").param(runId)
                .query(rs -> {
                    result.put(rs.getString(1), rs.getString(2));
                });
        return result;
    }

    private final RunFacts<Map<String, Integer>> categoryCounts = new RunFacts<>();

    private Map<String, Integer> countsByCategory(long runId) {
        return categoryCounts.get(runId, this::readCountsByCategory); // a stored run's deviations never change
    }

    private Map<String, Integer> readCountsByCategory(long runId) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        jdbc.sql("SELECT category, COUNT(*) AS n FROM deviation WHERE run_id = ? GROUP BY category ORDER BY category")
                .param(runId).query(rs -> {
                    counts.put(rs.getString("category"), rs.getInt("n"));
                });
        return counts;
    }

    private static SourceRef source(ResultSet rs) throws SQLException {
        String file = rs.getString("source_file"), sheet = rs.getString("source_sheet");
        Integer row = rs.getObject("source_row", Integer.class);
        if (file == null && sheet == null && row == null) return null;
        return new SourceRef(file, sheet, row == null ? 0 : row);
    }

    private static StoredRun run(ResultSet rs, Map<String, Integer> byCategory) throws SQLException {
        StoredUpload upload = new StoredUpload(rs.getLong("upload_id"), rs.getString("sha256"), rs.getString("file_name"),
                rs.getString("file_kind"), rs.getLong("size_bytes"), rs.getString("uploaded_by"),
                rs.getObject("uploaded_at", OffsetDateTime.class));
        return new StoredRun(rs.getLong("id"), upload, rs.getString("protocol_id"), rs.getString("protocol_version"),
                rs.getString("protocol_hash"), rs.getObject("as_of", LocalDate.class), rs.getString("time_zone"),
                rs.getString("run_by"), rs.getObject("started_at", OffsetDateTime.class), rs.getLong("read_millis"),
                rs.getLong("check_millis"), rs.getInt("subjects"), rs.getInt("input_errors"), rs.getInt("warnings"),
                rs.getInt("deviations"), Map.copyOf(byCategory));
    }
}
