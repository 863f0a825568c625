package io.protoguard.batch;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.protoguard.model.Deviation;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code partition_result} table (V50): what each (study, site) partition of a nightly run found, staged until
 * every partition of the study is in. All of it runs inside the partition's step transaction.
 */
@Component
public class PartitionResults {
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final TypeReference<List<Deviation>> DEVIATIONS = new TypeReference<>() {};

    private final JdbcClient jdbc;

    public PartitionResults(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One partition's findings. */
    public record Staged(String key, long stepExecutionId, String worker, int subjects, int inputErrors, List<Deviation> deviations) {}

    public boolean exists(long nightlyRunId, String studyId, String key) {
        return jdbc.sql("SELECT COUNT(*) FROM partition_result WHERE nightly_run_id = ? AND study_id = ? AND partition_key = ?")
                .params(nightlyRunId, studyId, key).query(Integer.class).single() > 0;
    }

    /** Inserts a partition's row; a second row for the same (run, study, partition) is refused by the primary key. */
    public void stage(long nightlyRunId, String studyId, Staged s) {
        String json;
        try {
            json = JSON.writeValueAsString(s.deviations());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("deviations of study " + studyId + " cannot be written as JSON", e);
        }
        jdbc.sql("""
                INSERT INTO partition_result (nightly_run_id, study_id, partition_key, step_execution_id, worker, subjects,
                    input_errors, deviations, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(nightlyRunId, studyId, s.key(), s.stepExecutionId(), s.worker(), s.subjects(), s.inputErrors(), json,
                        OffsetDateTime.now(ZoneOffset.UTC))
                .update();
    }

    /**
     * Locks the study's registry row until this transaction ends. Whoever holds it and then counts the staged rows sees
     * every partition committed before it: of two last partitions committing at once, the second to lock sees both.
     */
    public void lockStudy(String studyId) {
        jdbc.sql("SELECT id FROM study WHERE id = ? FOR UPDATE").param(studyId).query(String.class).optional();
    }

    /** The keys staged so far for a study in a run (committed ones, and this transaction's own). */
    public List<String> stagedKeys(long nightlyRunId, String studyId) {
        return jdbc.sql("SELECT partition_key FROM partition_result WHERE nightly_run_id = ? AND study_id = ?")
                .params(nightlyRunId, studyId).query(String.class).list();
    }

    /** The staged partitions of a study among {@code keys}, by key. */
    public Map<String, Staged> load(long nightlyRunId, String studyId, List<String> keys) {
        return jdbc.sql("""
                SELECT partition_key, step_execution_id, worker, subjects, input_errors, deviations FROM partition_result
                WHERE nightly_run_id = ? AND study_id = ?""").params(nightlyRunId, studyId)
                .query((rs, n) -> new Staged(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getInt(5), read(rs.getString(6))))
                .list().stream().filter(s -> keys.contains(s.key())).collect(Collectors.toMap(Staged::key, s -> s));
    }

    private static List<Deviation> read(String json) {
        try {
            return JSON.readValue(json, DEVIATIONS);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a staged partition result is not readable JSON: " + e.getMessage(), e);
        }
    }
}
