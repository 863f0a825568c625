package io.protoguard.storage;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reviews of deviations, keyed by fingerprint so every later run keeps them. Insert only: a new verdict is a new
 * row, the newest row applies, and the verdict in force at any earlier moment can be shown again.
 */
@Repository
public class DeviationReviews {
    private final JdbcClient jdbc;

    public DeviationReviews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a verdict; throws IllegalArgumentException for an unknown status, a missing reason or an unknown deviation. */
    public Review add(String fingerprint, String status, String reason, String comment, String by) {
        if (!Review.STATUSES.contains(status)) {
            throw new IllegalArgumentException("review status must be one of " + String.join(", ", Review.STATUSES));
        }
        String why = Review.blankToNull(reason), note = Review.blankToNull(comment);
        if (Review.NOT_A_DEVIATION.equals(status) && why == null) {
            throw new IllegalArgumentException("\"not a deviation\" needs a reason");
        }
        Integer known = jdbc.sql("SELECT COUNT(*) FROM deviation_identity WHERE fingerprint = ?").param(fingerprint).query(Integer.class).single();
        if (known == 0) throw new IllegalArgumentException("no deviation has the fingerprint " + fingerprint);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("""
                INSERT INTO deviation_review (fingerprint, status, reason, review_comment, reviewed_by, reviewed_at)
                VALUES (?, ?, ?, ?, ?, ?)""").params(fingerprint, status, why, note, by, now).update();
        return history(fingerprint).get(0);
    }

    /** The verdict in force at {@code at} for each reviewed deviation of the study (the newest row not after it). */
    public Map<String, Review> inForce(String studyId, OffsetDateTime at) {
        Map<String, Review> latest = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT r.* FROM deviation_review r JOIN deviation_identity i ON i.fingerprint = r.fingerprint
                WHERE i.study_id = ? AND r.reviewed_at <= ? ORDER BY r.id""").params(studyId, at)
                .query(Review::fromRow).list().forEach(r -> latest.put(r.fingerprint(), r));
        return latest;
    }

    /** Newest first. */
    public List<Review> history(String fingerprint) {
        return jdbc.sql("SELECT * FROM deviation_review WHERE fingerprint = ? ORDER BY id DESC").param(fingerprint)
                .query(Review::fromRow).list();
    }


}
