package io.protoguard.engine;

import io.protoguard.model.Category;
import io.protoguard.model.Deviation;
import io.protoguard.model.Outcome;
import io.protoguard.model.SourceRef;
import io.protoguard.model.Subject;
import io.protoguard.model.rules.ProtocolRule;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The session global the shared rules report into. One instance per subject session, so sessions share
 * nothing and can run on any thread.
 *
 * <p>One bad or missing value gives one finding (SPEC section 8): a rule that cannot judge because of a value
 * reports it with {@link #cannotJudge}, not as a deviation of its own. When the session is read, each value
 * gives one deviation (the claim of lowest rank, then lowest RuleId, so the choice does not depend on the order
 * rules fired in) and an outcome listing every rule it left unjudged, with the value and its cell.
 */
public final class Findings {
    private final String protocolVersion;
    private final List<Deviation> deviations = new ArrayList<>();
    private final List<Outcome> outcomes = new ArrayList<>();
    private final Map<String, List<Claim>> unjudged = new LinkedHashMap<>();
    private boolean resolved;

    /** A rule that cannot judge because of one value ({@code column} of the row {@code finding.source()} names). */
    private record Claim(ProtocolRule rule, Subject subject, String column, String value, int rank, Finding finding) {}

    /** Ranks of {@link #cannotJudge}: the row made to report the value, then a rule's own "not recorded", then any. */
    public static final int DEDICATED = 0, NOT_RECORDED = 1, ANY = 2;

    public Findings(String protocolVersion) {
        this.protocolVersion = protocolVersion;
    }

    public void deviation(ProtocolRule rule, Category category, Subject subject, String visit, LocalDate occurredOn,
                          String message, String expected, String actual, SourceRef source) {
        deviations.add(new Deviation(subject.subjectId(), category, rule.severity(), rule.ruleId(), visit, occurredOn,
                message, expected, actual, rule.citation(), rule.citationSource().name(), source, protocolVersion));
    }

    public void add(ProtocolRule rule, Subject subject, Finding f) {
        if (f.unjudged() != null) {
            cannotJudge(rule, subject, f.unjudged(), ANY, f);
            return;
        }
        deviation(rule, f.category(), subject, f.visit(), f.occurredOn(), f.message(), f.expected(), f.actual(),
                f.source() == null ? subject.source() : f.source());
    }

    /**
     * {@code rule} cannot judge because of the value in {@code column} of the row {@code f.source()} names (the
     * subject's row when null); {@code f} is the finding to report if this claim is the one chosen for the value.
     */
    public void cannotJudge(ProtocolRule rule, Subject subject, String column, int rank, Finding f) {
        SourceRef source = f.source() == null ? subject.source() : f.source();
        String key = source.sheet() + "|" + source.row() + "|" + column;
        unjudged.computeIfAbsent(key, k -> new ArrayList<>()).add(new Claim(rule, subject, column, f.actual(), rank, f));
    }

    public void outcome(Subject subject, String name, String value, String basis) {
        outcomes.add(new Outcome(subject.subjectId(), name, value, basis));
    }

    public List<Deviation> deviations() {
        resolve();
        return deviations;
    }

    public List<Outcome> outcomes() {
        resolve();
        return outcomes;
    }

    private void resolve() {
        if (resolved) return;
        resolved = true;
        for (List<Claim> claims : unjudged.values()) {
            claims.sort(Comparator.comparingInt(Claim::rank).thenComparing(c -> c.rule().ruleId()));
            Claim first = claims.get(0);
            Finding f = first.finding();
            SourceRef source = f.source() == null ? first.subject().source() : f.source();
            deviation(first.rule(), f.category(), first.subject(), f.visit(), f.occurredOn(), f.message(), f.expected(),
                    f.actual(), source);
            // The rules the value left unjudged; a row made only to report the value judges nothing else.
            List<String> ids = claims.stream().filter(c -> c.rank() != DEDICATED).map(c -> c.rule().ruleId())
                    .distinct().sorted().toList();
            if (ids.isEmpty()) continue;
            outcome(first.subject(), "not judged: " + first.column() + " (" + source.sheet() + " row " + source.row() + ")",
                    String.join("; ", ids), f.actual() + "; " + source.sheet() + " row " + source.row() + ", column " + first.column());
        }
    }
}
