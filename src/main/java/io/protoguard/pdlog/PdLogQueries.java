package io.protoguard.pdlog;

import io.protoguard.storage.DeviationReviews;
import io.protoguard.storage.Review;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Builds a study's PD log from the nightly lifecycle: one row per deviation identity, numbered in the order the
 * identities were first found (nightly run, then subject, rule, visit and record), so a deviation keeps its number as
 * later runs add others; filters never renumber.
 */
public class PdLogQueries {
    private final JdbcClient jdbc;
    private final DeviationReviews reviews;
    private final PdLogEntries entries;

    public PdLogQueries(JdbcClient jdbc, DeviationReviews reviews, PdLogEntries entries) {
        this.jdbc = jdbc;
        this.reviews = reviews;
        this.entries = entries;
    }

    /** What to show: occurredOn within [from, to] (either open), subjects of {@code sites} (null: every site). */
    public record Filter(LocalDate from, LocalDate to, Collection<String> sites) {
        boolean keeps(PdLogRow r) {
            if ((from != null || to != null) && r.occurredOn() == null) return false;
            if (from != null && r.occurredOn().isBefore(from)) return false;
            if (to != null && r.occurredOn().isAfter(to)) return false;
            return sites == null || sites.contains(r.site());
        }
    }

    /** The whole log of a study, numbered; {@code siteOf} maps a subject to its site (a subject it lacks gets ""). */
    public List<PdLogRow> log(String studyId, Map<String, String> siteOf) {
        Map<String, Review> verdicts = reviews.inForce(studyId, OffsetDateTime.now(ZoneOffset.UTC));
        Map<String, PdLogEntry> site = entries.inForce(studyId);
        List<PdLogRow> rows = new ArrayList<>();
        // The latest observation of each identity is its state in the study's newest check that judged it (a RESOLVED
        // row is written once, by the check that no longer found it).
        jdbc.sql("""
                SELECT i.fingerprint, i.subject_id, i.rule_id, i.visit, fn.as_of AS identified_on, o.category, o.severity, o.occurred_on,
                       o.message, o.state, ln.as_of AS last_checked_on
                FROM deviation_identity i
                JOIN nightly_run fn ON fn.id = i.first_nightly_run_id
                JOIN (SELECT fingerprint, MAX(study_run_id) AS last_run FROM deviation_observation WHERE study_id = ? GROUP BY fingerprint) l
                  ON l.fingerprint = i.fingerprint
                JOIN deviation_observation o ON o.fingerprint = i.fingerprint AND o.study_run_id = l.last_run
                JOIN nightly_run ln ON ln.id = o.nightly_run_id
                WHERE i.study_id = ?
                ORDER BY i.first_nightly_run_id, i.subject_id, i.rule_id, i.visit NULLS FIRST, i.record_key, i.fingerprint""")
                .params(studyId, studyId).query(rs -> {
                    String fp = rs.getString("fingerprint").trim();
                    PdLogEntry e = site.get(fp);
                    Review v = verdicts.get(fp);
                    String subject = rs.getString("subject_id");
                    rows.add(new PdLogRow(String.format(Locale.ROOT, "PD-%04d", rows.size() + 1), fp, subject, siteOf.getOrDefault(subject, ""),
                            rs.getObject("occurred_on", LocalDate.class), rs.getObject("identified_on", LocalDate.class), rs.getString("category"),
                            rs.getString("rule_id"), rs.getString("visit"), rs.getString("message"), "IMPORTANT".equals(rs.getString("severity")),
                            e == null ? null : e.reportedToIrb(), e == null ? null : e.reportedOn(), e == null ? null : e.correctiveAction(),
                            e == null ? null : e.preventiveAction(), "RESOLVED".equals(rs.getString("state")) ? "RESOLVED" : "OPEN",
                            v == null ? null : v.status(), rs.getObject("last_checked_on", LocalDate.class),
                            e == null ? null : e.enteredBy(), e == null ? null : e.enteredAt()));
                });
        return rows;
    }

    /** The rows the filter keeps, numbers unchanged. */
    public List<PdLogRow> log(String studyId, Map<String, String> siteOf, Filter filter) {
        return log(studyId, siteOf).stream().filter(filter::keeps).toList();
    }
}
