package io.protoguard.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the nightly history back: runs with their counts, each study's outcome, and what a check observed. */
@Repository
public class NightlyQueries {
    private final JdbcClient jdbc;

    public NightlyQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A nightly run as the history lists it: the status of its latest execution, the first start and last end, and the
     * outcome of each study (its CHECKED attempt, else its latest FAILED one) summed.
     */
    public record RunSummary(NightlyRun run, String status, LocalDateTime started, LocalDateTime ended, int executions,
                             List<StudyRun> studies) {
        public long checked() {
            return studies.stream().filter(StudyRun::checked).count();
        }

        public long failed() {
            return studies.size() - checked();
        }

        public int present() {
            return sum(StudyRun::present);
        }

        public int newCount() {
            return sum(StudyRun::newCount);
        }

        public int openCount() {
            return sum(StudyRun::openCount);
        }

        public int reopenedCount() {
            return sum(StudyRun::reopenedCount);
        }

        public int resolvedCount() {
            return sum(StudyRun::resolvedCount);
        }

        private int sum(java.util.function.ToIntFunction<StudyRun> count) {
            return studies.stream().filter(StudyRun::checked).mapToInt(count).sum();
        }
    }

    /** Newest first. */
    public List<RunSummary> runs(int limit) {
        List<NightlyRun> runs = jdbc.sql("SELECT * FROM nightly_run ORDER BY id DESC FETCH FIRST ? ROWS ONLY").param(limit)
                .query(NightlyStore::run).list();
        return runs.stream().map(this::summary).toList();
    }

    public Optional<RunSummary> run(long nightlyRunId) {
        return jdbc.sql("SELECT * FROM nightly_run WHERE id = ?").param(nightlyRunId).query(NightlyStore::run).optional()
                .map(this::summary);
    }

    private RunSummary summary(NightlyRun run) {
        record Times(LocalDateTime started, LocalDateTime ended, int executions) {}
        Times t = jdbc.sql("SELECT MIN(START_TIME) AS started, MAX(END_TIME) AS ended, COUNT(*) AS executions "
                        + "FROM BATCH_JOB_EXECUTION WHERE JOB_INSTANCE_ID = ?").param(run.jobInstanceId())
                .query((rs, n) -> new Times(rs.getObject("started", LocalDateTime.class), rs.getObject("ended", LocalDateTime.class),
                        rs.getInt("executions"))).single();
        String status = jdbc.sql("SELECT STATUS FROM BATCH_JOB_EXECUTION WHERE JOB_INSTANCE_ID = ? ORDER BY JOB_EXECUTION_ID DESC "
                        + "FETCH FIRST 1 ROWS ONLY").param(run.jobInstanceId()).query(String.class).optional().orElse("UNKNOWN");
        return new RunSummary(run, status, t.started(), t.ended(), t.executions(), outcomes(run.id()));
    }

    /** Per study, its outcome in the nightly run: the CHECKED attempt if there is one, else the latest FAILED attempt. */
    public List<StudyRun> outcomes(long nightlyRunId) {
        Map<String, StudyRun> byStudy = new LinkedHashMap<>();
        for (StudyRun r : jdbc.sql("SELECT * FROM study_run WHERE nightly_run_id = ? ORDER BY study_id, id").param(nightlyRunId)
                .query(NightlyQueries::studyRun).list()) {
            StudyRun before = byStudy.get(r.studyId());
            if (before == null || !before.checked()) byStudy.put(r.studyId(), r);
        }
        return new ArrayList<>(byStudy.values());
    }

    /** Every attempt at the study in the nightly run, oldest first (FAILED attempts keep their reasons). */
    public List<StudyRun> attempts(long nightlyRunId, String studyId) {
        return jdbc.sql("SELECT * FROM study_run WHERE nightly_run_id = ? AND study_id = ? ORDER BY id").params(nightlyRunId, studyId)
                .query(NightlyQueries::studyRun).list();
    }

    public Optional<StudyRun> studyRun(long id) {
        return jdbc.sql("SELECT * FROM study_run WHERE id = ?").param(id).query(NightlyQueries::studyRun).optional();
    }

    /** A study's checks with the nightly run each belongs to, newest first. */
    public record StudyCheckAt(StudyRun check, NightlyRun run) {}

    public List<StudyCheckAt> checksOf(String studyId) {
        return jdbc.sql("""
                SELECT s.*, n.job_instance_id, n.as_of, n.run_key, n.created_at FROM study_run s JOIN nightly_run n ON n.id = s.nightly_run_id
                WHERE s.study_id = ? AND s.status = 'CHECKED' ORDER BY s.id DESC""").param(studyId)
                .query((rs, n) -> new StudyCheckAt(studyRun(rs, n), new NightlyRun(rs.getLong("nightly_run_id"),
                        rs.getLong("job_instance_id"), rs.getObject("as_of", java.time.LocalDate.class), rs.getString("run_key"),
                        rs.getObject("created_at", java.time.OffsetDateTime.class)))).list();
    }

    /** Everything one check observed (RESOLVED rows too), by subject, then visit, rule and date. */
    public List<Observation> observations(long studyRunId) {
        return jdbc.sql("""
                SELECT * FROM deviation_observation WHERE study_run_id = ?
                ORDER BY subject_id, visit NULLS FIRST, rule_id, occurred_on NULLS FIRST, fingerprint""").param(studyRunId)
                .query(NightlyStore::observation).list();
    }

    private static final Map<String, String> OBSERVATION_COLUMNS = Map.of("state", "state", "subject", "subject_id",
            "category", "category", "severity", "severity", "rule", "rule_id", "visit", "visit", "occurredOn", "occurred_on");

    /** One page of what a check observed (issue 12), sorted by a column (default: as {@link #observations(long)}), with the total. */
    public Paging.Page<Observation> observations(long studyRunId, Paging.Request request) {
        return observations(studyRunId, request, null);
    }

    /**
     * Narrows a check's observations (issue 13: the deviations behind a site's KRI signal). Observations do not carry
     * the site, so a site is given as its subjects; {@code subjects} null means all, empty means none.
     */
    public record Narrowing(java.util.Collection<String> subjects, String category, String severity) {}

    /** One page of what a check observed, narrowed (null: everything). */
    public Paging.Page<Observation> observations(long studyRunId, Paging.Request request, Narrowing narrowing) {
        String column = request.sort() == null ? null : OBSERVATION_COLUMNS.get(request.sort());
        String natural = "subject_id, visit NULLS FIRST, rule_id, occurred_on NULLS FIRST, fingerprint";
        String order = column == null ? natural : column + (request.descending() ? " DESC" : " ASC") + " NULLS LAST, " + natural;
        StringBuilder where = new StringBuilder("study_run_id = ?");
        List<Object> params = new java.util.ArrayList<>(List.of(studyRunId));
        if (narrowing != null) {
            if (narrowing.subjects() != null) {
                if (narrowing.subjects().isEmpty()) where.append(" AND 1 = 0");
                else where.append(" AND subject_id IN (").append(String.join(",", java.util.Collections.nCopies(narrowing.subjects().size(), "?"))).append(")");
                params.addAll(narrowing.subjects());
            }
            if (narrowing.category() != null) {
                where.append(" AND category = ?");
                params.add(narrowing.category());
            }
            if (narrowing.severity() != null) {
                where.append(" AND severity = ?");
                params.add(narrowing.severity());
            }
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM deviation_observation WHERE " + where).params(params).query(Long.class).single();
        List<Object> paged = new java.util.ArrayList<>(params);
        paged.add(request.size());
        paged.add(request.offset());
        List<Observation> rows = jdbc.sql("SELECT * FROM deviation_observation WHERE " + where + " ORDER BY " + order
                        + " LIMIT ? OFFSET ?").params(paged).query(NightlyStore::observation).list();
        return new Paging.Page<>(rows, request.page(), request.size(), total);
    }

    /** When each identity of the study was first seen: fingerprint to the as-of date of that nightly run. */
    public Map<String, java.time.LocalDate> firstSeen(String studyId) {
        Map<String, java.time.LocalDate> seen = new LinkedHashMap<>();
        jdbc.sql("SELECT i.fingerprint, n.as_of FROM deviation_identity i JOIN nightly_run n ON n.id = i.first_nightly_run_id WHERE i.study_id = ?")
                .param(studyId).query(rs -> {
                    seen.put(rs.getString(1).trim(), rs.getObject(2, java.time.LocalDate.class));
                });
        return seen;
    }

    static StudyRun studyRun(ResultSet rs, int n) throws SQLException {
        return new StudyRun(rs.getLong("id"), rs.getLong("nightly_run_id"), rs.getString("study_id"), rs.getLong("job_execution_id"),
                rs.getString("status"), rs.getString("reason"), rs.getString("protocol_id"), rs.getString("protocol_version"),
                rs.getString("data_path"), rs.getString("time_zone"), rs.getInt("subjects"), rs.getInt("input_errors"),
                rs.getInt("new_count"), rs.getInt("open_count"), rs.getInt("reopened_count"), rs.getInt("resolved_count"),
                rs.getObject("recorded_at", java.time.OffsetDateTime.class));
    }
}
