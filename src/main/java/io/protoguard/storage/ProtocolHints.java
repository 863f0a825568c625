package io.protoguard.storage;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The "this looks like another protocol's data" hint of a run, written once when the run is stored. */
@Repository
public class ProtocolHints {
    /** {@code protocolId} read the same upload with {@code otherErrors} input errors instead of {@code chosenErrors}. */
    public record Hint(String protocolId, int chosenErrors, int otherErrors, int otherSubjects) {}

    private final JdbcClient jdbc;

    public ProtocolHints(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(long runId, Hint hint) {
        jdbc.sql("INSERT INTO run_protocol_hint (run_id, protocol_id, chosen_errors, other_errors, other_subjects) VALUES (?, ?, ?, ?, ?)")
                .params(runId, hint.protocolId(), hint.chosenErrors(), hint.otherErrors(), hint.otherSubjects()).update();
    }

    public Optional<Hint> of(long runId) {
        return jdbc.sql("SELECT * FROM run_protocol_hint WHERE run_id = ?").param(runId)
                .query((rs, n) -> new Hint(rs.getString("protocol_id"), rs.getInt("chosen_errors"), rs.getInt("other_errors"),
                        rs.getInt("other_subjects"))).optional();
    }
}
