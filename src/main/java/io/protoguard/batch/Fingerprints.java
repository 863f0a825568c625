package io.protoguard.batch;

import io.protoguard.model.Deviation;
import io.protoguard.storage.DeviationIdentity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Gives each deviation its identity across runs: study, subject, rule, category, visit and the record judged (its
 * sheet and date: the assessment's date, the dose's start, the randomization date for eligibility and consent, the
 * window's last day for a missed visit). Never the message, the values or the row number, which change without the
 * deviation changing. Two deviations of one run that would share an identity (two out-of-window assessments of one
 * visit on one day) are told apart by their order in the engine's stable output: #2, #3, ...
 */
public final class Fingerprints {
    private Fingerprints() {}

    /** A deviation with its identity. */
    public record Identified(DeviationIdentity identity, Deviation deviation) {
        public String fingerprint() {
            return identity.fingerprint();
        }
    }

    public static List<Identified> identify(String studyId, List<Deviation> deviations) {
        Map<String, Integer> seen = new HashMap<>();
        List<Identified> result = new ArrayList<>(deviations.size());
        for (Deviation d : deviations) {
            String sheet = d.source() == null || d.source().sheet() == null ? "-" : d.source().sheet();
            String recordKey = sheet + "@" + (d.occurredOn() == null ? "-" : d.occurredOn().toString());
            String base = String.join("\u001f", studyId, d.subjectId(), d.ruleId(), d.category().name(),
                    d.visit() == null ? "" : d.visit(), recordKey);
            int n = seen.merge(base, 1, Integer::sum);
            if (n > 1) recordKey = recordKey + "#" + n;
            String fingerprint = sha256(n > 1 ? base + "#" + n : base);
            result.add(new Identified(new DeviationIdentity(fingerprint, studyId, d.subjectId(), d.ruleId(), d.category().name(),
                    d.visit(), recordKey), d));
        }
        return result;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
