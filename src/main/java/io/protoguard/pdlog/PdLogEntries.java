package io.protoguard.pdlog;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The site columns of the PD log, stored like deviation reviews: insert only, a new edit is a new row, the newest row
 * per fingerprint applies and the older ones remain as the edit history (V47, V48).
 */
public class PdLogEntries {
    private final JdbcClient jdbc;

    public PdLogEntries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Validates and records an edit; throws {@link PdLogEdit.Invalid} naming the field at fault. */
    public PdLogEntry add(String fingerprint, PdLogEdit edit, String by, LocalDate today) {
        edit.validate(today);
        jdbc.sql("""
                INSERT INTO pd_log_entry (fingerprint, reported_to_irb, reported_on, corrective_action, preventive_action, entered_by, entered_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(fingerprint, edit.reported() ? "Y" : "N", edit.reportedOn(), PdLogEdit.blankToNull(edit.correctiveAction()),
                        PdLogEdit.blankToNull(edit.preventiveAction()), by, OffsetDateTime.now(ZoneOffset.UTC))
                .update();
        return history(fingerprint).get(0);
    }

    /** The entry in force for each deviation of the study that has one. */
    public Map<String, PdLogEntry> inForce(String studyId) {
        Map<String, PdLogEntry> latest = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT e.* FROM pd_log_entry e JOIN deviation_identity i ON i.fingerprint = e.fingerprint
                WHERE i.study_id = ? ORDER BY e.id""").param(studyId)
                .query(PdLogEntries::entry).list().forEach(e -> latest.put(e.fingerprint(), e));
        return latest;
    }

    /** Every edit of one deviation's site columns, newest first. */
    public List<PdLogEntry> history(String fingerprint) {
        return jdbc.sql("SELECT * FROM pd_log_entry WHERE fingerprint = ? ORDER BY id DESC").param(fingerprint)
                .query(PdLogEntries::entry).list();
    }

    private static PdLogEntry entry(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new PdLogEntry(rs.getLong("id"), rs.getString("fingerprint").trim(), "Y".equals(rs.getString("reported_to_irb")),
                rs.getObject("reported_on", LocalDate.class), rs.getString("corrective_action"), rs.getString("preventive_action"),
                rs.getString("entered_by"), rs.getObject("entered_at", OffsetDateTime.class));
    }
}
