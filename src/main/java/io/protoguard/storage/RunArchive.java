package io.protoguard.storage;

import io.protoguard.model.CheckResult;
import io.protoguard.model.Deviation;
import io.protoguard.model.InputError;
import io.protoguard.model.SourceRef;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a finished run. Insert only: this class (and the whole application) has no UPDATE or DELETE for
 * uploads, runs, deviations, input errors, reports or timelines; the V2 migration makes the database refuse them too.
 */
@Repository
public class RunArchive {
    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    public RunArchive(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Stores the whole run or nothing; returns the run id. */
    @Transactional
    public long store(NewRun run) {
        CheckResult r = run.result();
        long uploadId = insertReturningId("""
                INSERT INTO upload (sha256, file_name, file_kind, size_bytes, uploaded_by, uploaded_at)
                VALUES (?, ?, ?, ?, ?, ?)""", run.sha256(), run.fileName(), run.fileKind(), run.sizeBytes(), run.user(),
                run.startedAt());
        long runId = insertReturningId("""
                INSERT INTO check_run (upload_id, protocol_id, protocol_version, protocol_hash, as_of, time_zone, run_by,
                    started_at, read_millis, check_millis, subjects, input_errors, warnings, deviations)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", uploadId, r.protocol().id(), r.protocol().version(),
                run.protocolHash(), r.asOf(), run.timeZone(), run.user(), run.startedAt(), run.readMillis(),
                run.checkMillis(), r.subjects(), r.inputErrors().size(), r.warnings().size(), r.deviations().size());
        insertDeviations(runId, r.deviations());
        insertInputErrors(runId, "ERROR", r.inputErrors());
        insertInputErrors(runId, "WARNING", r.warnings());
        for (Map.Entry<String, byte[]> report : run.reports().entrySet()) {
            jdbc.sql("INSERT INTO run_report (run_id, report_format, content) VALUES (?, ?, ?)")
                    .params(runId, report.getKey(), report.getValue()).update();
        }
        for (String site : new java.util.TreeSet<>(run.sites())) {
            jdbc.sql("INSERT INTO run_site (run_id, site) VALUES (?, ?)").params(runId, site).update();
        }
        List<Object[]> timelines = new ArrayList<>();
        run.timelines().forEach((subject, json) -> timelines.add(new Object[] {runId, subject, json}));
        template.batchUpdate("INSERT INTO subject_timeline (run_id, subject_id, timeline) VALUES (?, ?, ?)", timelines);
        return runId;
    }

    private long insertReturningId(String sql, Object... params) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql(sql).params(params).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    private void insertDeviations(long runId, List<Deviation> deviations) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < deviations.size(); i++) {
            Deviation d = deviations.get(i);
            SourceRef s = d.source();
            rows.add(new Object[] {runId, i, d.subjectId(), d.category().name(), d.severity().name(), d.ruleId(),
                    d.visit(), d.occurredOn(), d.message(), d.expected(), d.actual(), d.citation(),
                    s == null ? null : s.file(), s == null ? null : s.sheet(), s == null ? null : s.row(),
                    d.protocolVersion(), d.citationSource()});
        }
        template.batchUpdate("""
                INSERT INTO deviation (run_id, seq, subject_id, category, severity, rule_id, visit, occurred_on, message,
                    expected, actual, citation, source_file, source_sheet, source_row, protocol_version, citation_source)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows,
                new int[] {Types.BIGINT, Types.INTEGER, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
                        Types.VARCHAR, Types.DATE, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
                        Types.VARCHAR, Types.VARCHAR, Types.INTEGER, Types.VARCHAR, Types.VARCHAR});
    }

    private void insertInputErrors(long runId, String kind, List<InputError> errors) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < errors.size(); i++) {
            InputError e = errors.get(i);
            rows.add(new Object[] {runId, i, kind, e.file(), e.sheet(), e.row(), e.column(), e.cell(), e.message()});
        }
        template.batchUpdate("""
                INSERT INTO input_error (run_id, seq, kind, file_name, sheet, source_row, column_name, cell, message)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows,
                new int[] {Types.BIGINT, Types.INTEGER, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.INTEGER,
                        Types.VARCHAR, Types.VARCHAR, Types.VARCHAR});
    }
}
