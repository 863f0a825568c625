package io.protoguard.storage;

import io.protoguard.model.Category;
import io.protoguard.model.Deviation;
import io.protoguard.model.Severity;
import io.protoguard.model.SourceRef;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Writes of the nightly run. Insert only for the history (nightly_run, study_run, identities, observations; V5 makes
 * the database refuse changes); the only UPDATE is the heartbeat of nightly_lease. The caller owns the transaction:
 * the batch step runs {@link #recordChecked} inside its chunk transaction, so it commits with the step's status.
 */
@Repository
public class NightlyStore {
    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    public NightlyStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** The nightly run of a job instance, created on its first execution and found again on a restart. */
    public NightlyRun ensureRun(long jobInstanceId, LocalDate asOf, String runKey) {
        Optional<NightlyRun> existing = runForJobInstance(jobInstanceId);
        if (existing.isPresent()) return existing.get();
        jdbc.sql("INSERT INTO nightly_run (job_instance_id, as_of, run_key, created_at) VALUES (?, ?, ?, ?)")
                .params(jobInstanceId, asOf, runKey, OffsetDateTime.now(ZoneOffset.UTC)).update();
        return runForJobInstance(jobInstanceId).orElseThrow();
    }

    public Optional<NightlyRun> runForJobInstance(long jobInstanceId) {
        return jdbc.sql("SELECT * FROM nightly_run WHERE job_instance_id = ?").param(jobInstanceId).query(NightlyStore::run).optional();
    }

    /** The CHECKED attempt of this study in this nightly run, if an earlier execution already committed one. */
    public Optional<Long> checkedStudyRun(long nightlyRunId, String studyId) {
        return jdbc.sql("SELECT id FROM study_run WHERE nightly_run_id = ? AND study_id = ? AND status = 'CHECKED'")
                .params(nightlyRunId, studyId).query(Long.class).optional();
    }

    /** The study's latest CHECKED attempt, in any nightly run: what tonight's states are relative to. */
    public Optional<Long> previousCheck(String studyId) {
        return jdbc.sql("SELECT MAX(id) FROM study_run WHERE study_id = ? AND status = 'CHECKED'").param(studyId)
                .query(Long.class).optional();
    }

    /** The deviations present in a check (NEW, OPEN, REOPENED), in engine order. */
    public List<Observation> presentIn(long studyRunId) {
        return jdbc.sql("SELECT * FROM deviation_observation WHERE study_run_id = ? AND state <> 'RESOLVED' ORDER BY subject_id, fingerprint")
                .param(studyRunId).query(NightlyStore::observation).list();
    }

    /** Every fingerprint ever observed in the study. */
    public Set<String> knownFingerprints(String studyId) {
        return new HashSet<>(jdbc.sql("SELECT fingerprint FROM deviation_identity WHERE study_id = ?").param(studyId)
                .query(String.class).list());
    }

    /** A failed attempt: the reason, no observations (a failure resolves nothing). Runs in its own transaction. */
    public void recordFailure(long nightlyRunId, String studyId, long jobExecutionId, String protocolId, String dataPath,
                              String timeZone, String reason) {
        jdbc.sql("""
                INSERT INTO study_run (nightly_run_id, study_id, job_execution_id, status, checked_once, reason, protocol_id,
                    data_path, time_zone, subjects, input_errors, new_count, open_count, reopened_count, resolved_count, recorded_at)
                VALUES (?, ?, ?, 'FAILED', NULL, ?, ?, ?, ?, 0, 0, 0, 0, 0, 0, ?)""")
                .params(nightlyRunId, studyId, jobExecutionId, reason, protocolId, dataPath, timeZone, OffsetDateTime.now(ZoneOffset.UTC))
                .update();
    }

    /** A successful check: the study_run row, the identities seen for the first time, and every observation. */
    public long recordChecked(StudyCheck c) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO study_run (nightly_run_id, study_id, job_execution_id, status, checked_once, reason, protocol_id,
                    protocol_version, protocol_hash, data_path, time_zone, subjects, input_errors, new_count, open_count,
                    reopened_count, resolved_count, recorded_at)
                VALUES (?, ?, ?, 'CHECKED', 'Y', NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(c.nightlyRunId(), c.studyId(), c.jobExecutionId(), c.protocolId(), c.protocolVersion(), c.protocolHash(),
                        c.dataPath(), c.timeZone(), c.subjects(), c.inputErrors(), c.count(DeviationState.NEW),
                        c.count(DeviationState.OPEN), c.count(DeviationState.REOPENED), c.count(DeviationState.RESOLVED), now)
                .update(keys, "id");
        long studyRunId = keys.getKeyAs(Number.class).longValue();
        List<Object[]> identities = new ArrayList<>();
        for (DeviationIdentity i : c.newIdentities()) {
            identities.add(new Object[] {i.fingerprint(), i.studyId(), i.subjectId(), i.ruleId(), i.category(), i.visit(),
                    i.recordKey(), c.nightlyRunId(), now});
        }
        template.batchUpdate("""
                INSERT INTO deviation_identity (fingerprint, study_id, subject_id, rule_id, category, visit, record_key,
                    first_nightly_run_id, first_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", identities);
        List<Object[]> rows = new ArrayList<>();
        for (Observation o : c.observations()) {
            Deviation d = o.deviation();
            SourceRef s = d.source();
            rows.add(new Object[] {c.nightlyRunId(), o.fingerprint(), c.studyId(), studyRunId, o.state().name(), d.subjectId(),
                    d.category().name(), d.severity().name(), d.ruleId(), d.visit(), d.occurredOn(), d.message(), d.expected(),
                    d.actual(), d.citation(), s == null ? null : s.file(), s == null ? null : s.sheet(),
                    s == null ? null : s.row(), d.protocolVersion()});
        }
        template.batchUpdate("""
                INSERT INTO deviation_observation (nightly_run_id, fingerprint, study_id, study_run_id, state, subject_id, category,
                    severity, rule_id, visit, occurred_on, message, expected, actual, citation, source_file, source_sheet,
                    source_row, protocol_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows,
                new int[] {Types.BIGINT, Types.CHAR, Types.VARCHAR, Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
                        Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.DATE, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
                        Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.INTEGER, Types.VARCHAR});
        return studyRunId;
    }

    /** The heartbeat of the process running a job execution. */
    public record Lease(long jobExecutionId, String host, long pid, OffsetDateTime beatAt) {}

    public void takeLease(long jobExecutionId, String host, long pid) {
        if (beat(jobExecutionId)) return;
        jdbc.sql("INSERT INTO nightly_lease (job_execution_id, host, pid, beat_at) VALUES (?, ?, ?, ?)")
                .params(jobExecutionId, host, pid, OffsetDateTime.now(ZoneOffset.UTC)).update();
    }

    public boolean beat(long jobExecutionId) {
        return jdbc.sql("UPDATE nightly_lease SET beat_at = ? WHERE job_execution_id = ?")
                .params(OffsetDateTime.now(ZoneOffset.UTC), jobExecutionId).update() == 1;
    }

    public Optional<Lease> lease(long jobExecutionId) {
        return jdbc.sql("SELECT * FROM nightly_lease WHERE job_execution_id = ?").param(jobExecutionId)
                .query((rs, n) -> new Lease(rs.getLong("job_execution_id"), rs.getString("host"), rs.getLong("pid"),
                        rs.getObject("beat_at", OffsetDateTime.class))).optional();
    }

    static NightlyRun run(ResultSet rs, int n) throws SQLException {
        return new NightlyRun(rs.getLong("id"), rs.getLong("job_instance_id"), rs.getObject("as_of", LocalDate.class),
                rs.getString("run_key"), rs.getObject("created_at", OffsetDateTime.class));
    }

    static Observation observation(ResultSet rs, int n) throws SQLException {
        String file = rs.getString("source_file"), sheet = rs.getString("source_sheet");
        Integer row = rs.getObject("source_row", Integer.class);
        SourceRef source = file == null && sheet == null && row == null ? null : new SourceRef(file, sheet, row == null ? 0 : row);
        Deviation d = new Deviation(rs.getString("subject_id"), Category.valueOf(rs.getString("category")),
                Severity.valueOf(rs.getString("severity")), rs.getString("rule_id"), rs.getString("visit"),
                rs.getObject("occurred_on", LocalDate.class), rs.getString("message"), rs.getString("expected"),
                rs.getString("actual"), rs.getString("citation"), source, rs.getString("protocol_version"));
        return new Observation(rs.getString("fingerprint").trim(), DeviationState.valueOf(rs.getString("state")), d);
    }
}
