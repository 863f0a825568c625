package io.protoguard.evaluation;

import io.protoguard.engine.Findings;
import io.protoguard.model.CheckContext;
import io.protoguard.model.CheckResult;
import io.protoguard.model.Deviation;
import io.protoguard.model.Outcome;
import io.protoguard.model.SubjectData;
import io.protoguard.model.WorkbookData;
import io.protoguard.protocol.LoadedProtocol;
import io.protoguard.protocol.ProtocolVersions;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Checks subjects against a protocol: one session per subject over the KieBase built once, used once,
 * so results do not depend on other subjects and the work splits across threads. With amendments, each
 * subject is run under every version and a deviation is kept only from the version in effect on its
 * date (eligibility and consent: randomization; an assessment: its date; a dose: its start). Output is
 * in a stable order: subject, visit (schedule order), rule, date, source row.
 */
public final class Evaluator {
    private final ProtocolVersions protocol;
    private final Comparator<Deviation> order;
    /**
     * Sessions are reused: a new session builds its node and segment memories again for every subject (the
     * largest single cost in the round-1 profile, docs/benchmarks.md), and a reset one re-inserts the table facts.
     */
    private final Map<LoadedProtocol, SubjectSessions> sessions;

    public Evaluator(LoadedProtocol protocol) {
        this(ProtocolVersions.of(protocol));
    }

    public Evaluator(ProtocolVersions protocol) {
        this.protocol = protocol;
        this.sessions = new java.util.IdentityHashMap<>();
        for (LoadedProtocol v : protocol.versions()) {
            sessions.put(v, new SubjectSessions(v.kieBase(), v.tableFacts()));
        }
        Map<String, Integer> visits = protocol.latest().visitOrder();
        this.order = Comparator.comparing(Deviation::subjectId)
                .thenComparing(d -> d.visit() == null ? -1 : visits.getOrDefault(d.visit(), visits.size()))
                .thenComparing(d -> d.visit() == null ? "" : d.visit())
                .thenComparing(Deviation::ruleId)
                .thenComparing(Deviation::category)
                .thenComparing(Deviation::occurredOn, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(d -> d.source() == null ? "" : d.source().sheet())
                .thenComparing(d -> d.source() == null ? 0 : d.source().row())
                .thenComparing(Deviation::message);
    }

    public record SubjectResult(List<Deviation> deviations, List<Outcome> outcomes) {}

    public SubjectResult evaluate(SubjectData data, CheckContext ctx) {
        if (protocol.versions().size() == 1) return evaluate(protocol.latest(), data, ctx);
        List<Deviation> deviations = new ArrayList<>();
        for (LoadedProtocol version : protocol.versions()) {
            for (Deviation d : evaluate(version, data, ctx).deviations()) {
                if (protocol.inEffectOn(d.occurredOn() == null ? ctx.asOf() : d.occurredOn()) == version) deviations.add(d);
            }
        }
        return new SubjectResult(deviations, evaluate(protocol.inEffectOn(ctx.asOf()), data, ctx).outcomes());
    }

    private SubjectResult evaluate(LoadedProtocol version, SubjectData data, CheckContext ctx) {
        Findings findings = new Findings(version.info().version());
        // A session already holding the table facts (SubjectSessions): only the subject's facts go in and out.
        sessions.get(version).evaluate(session -> {
            session.setGlobal("findings", findings);
            session.insert(ctx);
            session.insert(data.subject());
            session.insert(data); // the subject's rows as lists, for rules that judge them in Java (dosing, date order)
            data.criteria().forEach(session::insert);
            data.assessments().forEach(session::insert);
            data.doses().forEach(session::insert);
            data.events().forEach(session::insert);
            data.extras().forEach(session::insert); // SDTM: visits done, dispensing visits, disposition
        });
        // A bad or implausible Subjects value is one finding; the rules that need it are listed as not judged.
        return NotJudged.apply(version.info().version(), version.rules(), data,
                new SubjectResult(findings.deviations(), findings.outcomes()));
    }

    /** One subject's result in report order (deviations by visit, rule, date; outcomes by name). */
    public SubjectResult evaluateInOrder(SubjectData data, CheckContext ctx) {
        SubjectResult r = evaluate(data, ctx);
        List<Deviation> deviations = new ArrayList<>(r.deviations());
        deviations.sort(order);
        List<Outcome> outcomes = new ArrayList<>(r.outcomes());
        outcomes.sort(Comparator.comparing(Outcome::name));
        return new SubjectResult(deviations, outcomes);
    }

    public CheckResult check(WorkbookData data, LocalDate asOf, ZoneId zone) {
        CheckContext ctx = new CheckContext(asOf, zone);
        List<SubjectResult> results = data.subjects().parallelStream().map(s -> evaluate(s, ctx)).toList();
        List<Deviation> deviations = new ArrayList<>();
        List<Outcome> outcomes = new ArrayList<>();
        for (SubjectResult r : results) {
            deviations.addAll(r.deviations());
            outcomes.addAll(r.outcomes());
        }
        deviations.sort(order);
        outcomes.sort(Comparator.comparing(Outcome::subjectId).thenComparing(Outcome::name));
        return new CheckResult(protocol.inEffectOn(asOf).info(), asOf, data.subjects().size(), data.errors(), data.warnings(),
                deviations, outcomes);
    }
}
