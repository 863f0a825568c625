package io.protoguard.storage;

import io.protoguard.model.Deviation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reviews of deviations found in uploaded runs, with the nightly reviews' lifecycle (OPEN, ACKNOWLEDGED,
 * NOT_A_DEVIATION with a reason). SPEC 8: a deviation's identity is its protocol, subject, rule, visit and date, never
 * the run, so a verdict given on one upload is shown again when the same data is uploaded again. Insert only: a new
 * verdict is a new row and the newest row applies.
 */
@Repository
public class UploadReviews {
    private final JdbcClient jdbc;

    public UploadReviews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The identity of a deviation of a run against {@code protocolId}: sha256 of protocol|subject|rule|visit|date. */
    public static String fingerprint(String protocolId, Deviation d) {
        String key = String.join("|", protocolId, d.subjectId(), d.ruleId(), d.visit() == null ? "" : d.visit(),
                d.occurredOn() == null ? "" : d.occurredOn().toString());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }

    /** Records a verdict on {@code d} as found in run {@code runId}; IllegalArgumentException for a bad status or a missing reason. */
    public Review add(long runId, String protocolId, Deviation d, String status, String reason, String comment, String by) {
        if (!Review.STATUSES.contains(status)) {
            throw new IllegalArgumentException("review status must be one of " + String.join(", ", Review.STATUSES));
        }
        String why = Review.blankToNull(reason), note = Review.blankToNull(comment);
        if (Review.NOT_A_DEVIATION.equals(status) && why == null) {
            throw new IllegalArgumentException("\"not a deviation\" needs a reason");
        }
        String fp = fingerprint(protocolId, d);
        jdbc.sql("""
                INSERT INTO upload_review (fingerprint, protocol_id, subject_id, rule_id, visit, occurred_on, run_id, status,
                    reason, review_comment, reviewed_by, reviewed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(fp, protocolId, d.subjectId(), d.ruleId(), d.visit(), d.occurredOn(), runId, status, why, note, by,
                        OffsetDateTime.now(ZoneOffset.UTC)).update();
        return history(fp).get(0);
    }

    /** The verdict in force now for each of the given fingerprints that has one. */
    public Map<String, Review> inForce(Collection<String> fingerprints) {
        Map<String, Review> latest = new LinkedHashMap<>();
        if (fingerprints.isEmpty()) return latest;
        jdbc.sql("SELECT * FROM upload_review WHERE fingerprint IN (:fps) ORDER BY id").param("fps", List.copyOf(fingerprints))
                .query(Review::fromRow).list().forEach(r -> latest.put(r.fingerprint(), r));
        return latest;
    }

    /** Every verdict in force for a protocol's deviations, for a report of a whole run. */
    public Map<String, Review> inForce(String protocolId) {
        Map<String, Review> latest = new LinkedHashMap<>();
        jdbc.sql("SELECT * FROM upload_review WHERE protocol_id = ? ORDER BY id").param(protocolId)
                .query(Review::fromRow).list().forEach(r -> latest.put(r.fingerprint(), r));
        return latest;
    }

    /** Newest first. */
    public List<Review> history(String fingerprint) {
        return jdbc.sql("SELECT * FROM upload_review WHERE fingerprint = ? ORDER BY id DESC").param(fingerprint)
                .query(Review::fromRow).list();
    }


}
