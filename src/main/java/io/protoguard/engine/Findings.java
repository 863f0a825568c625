package io.protoguard.engine;

import io.protoguard.model.Category;
import io.protoguard.model.Deviation;
import io.protoguard.model.Outcome;
import io.protoguard.model.SourceRef;
import io.protoguard.model.Subject;
import io.protoguard.model.rules.ProtocolRule;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The session global the shared rules report into. One instance per subject session, so sessions share
 * nothing and can run on any thread.
 */
public final class Findings {
    private final String protocolVersion;
    private final List<Deviation> deviations = new ArrayList<>();
    private final List<Outcome> outcomes = new ArrayList<>();

    public Findings(String protocolVersion) {
        this.protocolVersion = protocolVersion;
    }

    public void deviation(ProtocolRule rule, Category category, Subject subject, String visit, LocalDate occurredOn,
                          String message, String expected, String actual, SourceRef source) {
        deviations.add(new Deviation(subject.subjectId(), category, rule.severity(), rule.ruleId(), visit, occurredOn,
                message, expected, actual, rule.citation(), source, protocolVersion));
    }

    public void add(ProtocolRule rule, Subject subject, Finding f) {
        deviation(rule, f.category(), subject, f.visit(), f.occurredOn(), f.message(), f.expected(), f.actual(),
                f.source() == null ? subject.source() : f.source());
    }

    public void outcome(Subject subject, String name, String value, String basis) {
        outcomes.add(new Outcome(subject.subjectId(), name, value, basis));
    }

    public List<Deviation> deviations() {
        return deviations;
    }

    public List<Outcome> outcomes() {
        return outcomes;
    }
}
