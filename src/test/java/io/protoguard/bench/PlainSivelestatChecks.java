package io.protoguard.bench;

import io.protoguard.engine.DateOrders;
import io.protoguard.engine.Dosing;
import io.protoguard.engine.DosingChecks;
import io.protoguard.engine.Eligibility;
import io.protoguard.engine.Findings;
import io.protoguard.engine.Heidelberg;
import io.protoguard.engine.Outcomes;
import io.protoguard.engine.WindowSpan;
import io.protoguard.engine.Windows;
import io.protoguard.model.Assessment;
import io.protoguard.model.Attribution;
import io.protoguard.model.Category;
import io.protoguard.model.CheckContext;
import io.protoguard.model.ClinicalEvent;
import io.protoguard.model.Criterion;
import io.protoguard.model.SichClassification;
import io.protoguard.model.Subject;
import io.protoguard.model.SubjectData;
import io.protoguard.model.rules.CriterionRule;
import io.protoguard.model.rules.DateOrderRule;
import io.protoguard.model.rules.DosingRule;
import io.protoguard.model.rules.EnrolmentRule;
import io.protoguard.model.rules.OutcomeRule;
import io.protoguard.model.rules.ProtocolRule;
import io.protoguard.model.rules.SafetyRule;
import io.protoguard.model.rules.ValueRange;
import io.protoguard.model.rules.VisitWindow;
import io.protoguard.protocol.LoadedProtocol;
import java.util.ArrayList;
import java.util.List;

/**
 * The sivelestat-evt checks written as plain Java: the speed limit the rules engine is measured against
 * (benchmark and test sources only; never used by the product). It takes its thresholds from the protocol's
 * table rows and calls the same judgement functions the shared DRL calls, so what differs is only the
 * matching the engine does (joins, collects, agenda): exactly the cost being measured.
 */
public final class PlainSivelestatChecks {
    private final String version;
    private final List<CriterionRule> criteria = new ArrayList<>();
    private final List<EnrolmentRule> enrolment = new ArrayList<>();
    private final List<DateOrderRule> dateOrders = new ArrayList<>();
    private final List<DosingRule> dosing = new ArrayList<>();
    private final List<VisitWindow> windows = new ArrayList<>();
    private final List<ValueRange> ranges = new ArrayList<>();
    private final List<SafetyRule> safety = new ArrayList<>();
    private final List<OutcomeRule> outcomes = new ArrayList<>();

    public PlainSivelestatChecks(LoadedProtocol protocol) {
        version = protocol.info().version();
        for (ProtocolRule r : protocol.rules()) {
            if (r instanceof CriterionRule c) criteria.add(c);
            else if (r instanceof EnrolmentRule e) enrolment.add(e);
            else if (r instanceof DateOrderRule d) dateOrders.add(d);
            else if (r instanceof DosingRule d) dosing.add(d);
            else if (r instanceof VisitWindow w) windows.add(w);
            else if (r instanceof ValueRange v) ranges.add(v);
            else if (r instanceof SafetyRule s) safety.add(s);
            else if (r instanceof OutcomeRule o) outcomes.add(o);
        }
    }

    public Findings check(SubjectData data, CheckContext ctx) {
        Findings f = new Findings(version);
        Subject s = data.subject();
        eligibility(data, s, ctx, f);
        List<Object> facts = new ArrayList<>(data.assessments());
        facts.addAll(data.doses());
        facts.addAll(data.events());
        for (DateOrderRule r : dateOrders) DateOrders.check(r, s, facts).forEach(x -> f.add(r, s, x));
        for (DosingRule r : dosing) {
            if (Windows.appliesTo(r.arm(), s)) DosingChecks.judge(r, s, Dosing.of(data.doses(), r, s), ctx).forEach(x -> f.add(r, s, x));
        }
        List<Attribution> attributions = schedule(data, s, ctx, f);
        safety(data, s, ctx, f);
        for (OutcomeRule r : outcomes) {
            Outcomes.Value v = Outcomes.derive(r, s, attributions, windows, ctx);
            f.outcome(s, r.outcome(), v.value(), v.basis());
        }
        return f;
    }

    private void eligibility(SubjectData data, Subject s, CheckContext ctx, Findings f) {
        for (CriterionRule r : criteria) {
            if (!Eligibility.applies(r, s)) continue;
            boolean recorded = false;
            for (Criterion c : data.criteria()) {
                if (!c.code().equals(r.criterion())) continue;
                recorded = true;
                if (!Eligibility.meets(r, c)) {
                    f.deviation(r, Category.ELIGIBILITY, s, null, Eligibility.randomizationDate(s), "Criterion "
                            + r.criterion() + " is " + c.value() + " at randomization; the protocol requires "
                            + Eligibility.expected(r), Eligibility.expected(r), r.criterion() + " " + c.value(), c.source());
                }
            }
            if (!recorded) {
                f.deviation(r, Category.ELIGIBILITY, s, null, Eligibility.randomizationDate(s), "Criterion "
                        + r.criterion() + " is not recorded", Eligibility.expected(r), "not recorded", s.source());
            }
        }
        for (EnrolmentRule r : enrolment) {
            if (!Windows.appliesTo(r.arm(), s)) continue;
            switch (r.check()) {
                case AGE_MIN, AGE_MAX -> {
                    if (s.age() == null) f.cannotJudge(r, s, "Age", Findings.NOT_RECORDED, Eligibility.ageNotRecorded(r, s));
                    else if (!Eligibility.ageMeets(r, s.age())) {
                        enrol(f, r, Category.ELIGIBILITY, s, "Age " + s.age() + " is outside the protocol's limits", "age " + s.age());
                    }
                }
                case ONSET_TO_RANDOMIZATION_MAX_HOURS -> {
                    if (s.onsetAt() == null) {
                        f.cannotJudge(r, s, "OnsetAt", Findings.NOT_RECORDED, Eligibility.onsetNotRecorded(r, s));
                    } else if (s.randomizedAt() != null) {
                        Eligibility.Verdict v = Eligibility.onsetVerdict(r, s, ctx);
                        String actual = Eligibility.onsetGap(r, s) + " (onset " + s.onsetAt().text() + ", randomized "
                                + s.randomizedAt().text() + ")";
                        if (v == Eligibility.Verdict.NOT_MET) {
                            enrol(f, r, Category.ELIGIBILITY, s, "Randomized " + Eligibility.onsetGap(r, s)
                                    + " after onset, later than the protocol allows", actual);
                        } else if (v == Eligibility.Verdict.UNKNOWN) {
                            f.add(r, s, Eligibility.onsetUnknown(r, s));
                        }
                    }
                }
                case CONSENT_BEFORE_RANDOMIZATION -> {
                    if (s.consentAt() == null) {
                        f.deviation(r, Category.CONSENT, s, null, Eligibility.randomizationDate(s), "Informed consent is not recorded",
                                "consent signed at or before randomization", "not recorded", s.source());
                    } else if (s.randomizedAt() != null && Eligibility.consentVerdict(s) == Eligibility.Verdict.NOT_MET) {
                        f.deviation(r, Category.CONSENT, s, null, Eligibility.randomizationDate(s),
                                "Informed consent was signed after randomization", "consent at or before "
                                        + s.randomizedAt().text(), "consent " + s.consentAt().text(), s.source());
                    } else if (s.randomizedAt() != null && Eligibility.consentVerdict(s) == Eligibility.Verdict.UNKNOWN) {
                        f.add(r, s, Eligibility.consentUnknown(r, s));
                    }
                }
                case RANDOMIZED_WITH_TIME -> {
                    if (s.randomizedAt() != null && !s.randomizedAt().hasTime()) {
                        f.cannotJudge(r, s, "RandomizedAt", Findings.DEDICATED, Eligibility.randomizationTimeMissing(s));
                    }
                }
            }
        }
    }

    private static void enrol(Findings f, EnrolmentRule r, Category c, Subject s, String message, String actual) {
        f.deviation(r, c, s, null, Eligibility.randomizationDate(s), message, Eligibility.expected(r), actual, s.source());
    }

    /** Attributes assessments to windows, then judges windows and assessments; returns the attributions. */
    private List<Attribution> schedule(SubjectData data, Subject s, CheckContext ctx, Findings f) {
        List<Attribution> attributed = new ArrayList<>();
        for (Assessment a : data.assessments()) {
            if (Windows.afterDeath(a.performedAt(), s)) continue; // the DateOrder row's only finding
            if (a.visit() != null) {
                for (VisitWindow w : windows) {
                    if (Windows.appliesTo(w.arm(), s) && w.visit().equals(a.visit()) && w.test().equals(a.test())) {
                        attributed.add(new Attribution(w, a, true));
                    }
                }
            } else {
                List<VisitWindow> ofTest = windows.stream().filter(w -> w.test().equals(a.test())).toList();
                for (WindowSpan span : Windows.holding(ofTest, s, a, ctx)) attributed.add(new Attribution(span.window(), a, false));
            }
            for (ValueRange r : ranges) {
                if (r.test().equals(a.test()) && !r.accepts(a.value(), a.number())) {
                    f.deviation(r, Category.DATA_QUALITY, s, a.visit(), a.performedAt().date(), a.test() + " value "
                            + a.value() + " " + r.problem(a.value(), a.number()), r.describe(), a.value(), a.source());
                }
            }
        }
        for (Attribution at : attributed) {
            VisitWindow w = at.window();
            Assessment a = at.assessment();
            WindowSpan span = Windows.span(w, s, ctx);
            if (span == null) continue;
            if (Windows.timeMissing(span, a)) {
                f.deviation(w, Category.DATA_QUALITY, s, w.visit(), a.performedAt().date(), w.test() + " for " + w.visit()
                        + " has a date but no time of day, so its hour window cannot be judged", "a date and time within "
                        + span.expected(), "PerformedAt " + a.performedAt().text() + " (no time)", a.source());
            } else if (at.named() && Windows.outside(span, a)) {
                String where = Windows.position(span, a);
                f.deviation(w, Category.VISIT_WINDOW, s, w.visit(), a.performedAt().date(), w.test() + " for " + w.visit()
                        + " was done outside its window: " + where, span.expected(), where, a.source());
            }
        }
        for (VisitWindow w : windows) {
            if (!Windows.appliesTo(w.arm(), s)) continue;
            if (w.unit() == VisitWindow.Unit.HOUR && s.randomizedAt() != null && !s.randomizedAt().hasTime()) {
                f.cannotJudge(w, s, "RandomizedAt", Findings.ANY, Eligibility.randomizationTimeMissing(s));
            }
            WindowSpan span = Windows.span(w, s, ctx);
            if (span == null || !Windows.closed(span, ctx) || !Windows.expected(span, s)) continue;
            if (attributed.stream().noneMatch(at -> at.window().equals(w))) {
                f.deviation(w, Category.MISSED_ASSESSMENT, s, w.visit(), span.lastDay(), "No " + w.test() + " for " + w.visit()
                        + ": its window closed on " + span.lastDay(), w.test() + " " + span.expected(), "none recorded", s.source());
            }
        }
        return attributed;
    }

    private void safety(SubjectData data, Subject s, CheckContext ctx, Findings f) {
        for (SafetyRule n : safety) {
            if (n.check() != SafetyRule.Check.SICH_NIHSS_RISE) continue;
            for (SafetyRule i : safety) {
                if (i.check() != SafetyRule.Check.SICH_ITEM_RISE || !i.eventType().equals(n.eventType())) continue;
                for (ClinicalEvent e : data.events()) {
                    if (e.type().equals(n.eventType()) && !Windows.afterDeath(e.detectedAt(), s)) judge(Heidelberg.classify(e, n, i), s, ctx, f);
                }
            }
        }
    }

    private void judge(SichClassification c, Subject s, CheckContext ctx, Findings f) {
        ClinicalEvent e = c.event();
        f.outcome(s, "sICH " + e.eventId(), Heidelberg.verdict(c.symptomatic()), c.reason());
        for (SafetyRule r : safety) {
            if (!e.type().equals(r.eventType())) continue;
            if (r.check() == SafetyRule.Check.SICH_SITE_AGREEMENT) {
                if (e.siteReportedSymptomatic() == null) f.add(r, s, Heidelberg.siteNotClassified(c));
                if (c.symptomatic() == null) {
                    f.deviation(r, Category.DATA_QUALITY, s, null, e.detectedAt().date(), "ICH " + e.eventId()
                            + " cannot be classified by the Heidelberg criteria: " + c.reason(), "NihssBefore, NihssAtDiagnosis, "
                            + "MaxItemIncrease, MajorIntervention and AlternativeExplanation recorded", c.reason(), e.source());
                } else if (e.siteReportedSymptomatic() != null && c.symptomatic() != e.siteReportedSymptomatic().booleanValue()) {
                    f.deviation(r, Category.SAFETY, s, null, e.detectedAt().date(), "ICH " + e.eventId() + " is "
                            + Heidelberg.verdict(c.symptomatic()) + " by the Heidelberg criteria, but the site reported it "
                            + Heidelberg.verdict(e.siteReportedSymptomatic()), Heidelberg.verdict(c.symptomatic()) + " ("
                            + c.reason() + ")", "site reported " + Heidelberg.verdict(e.siteReportedSymptomatic()), e.source());
                }
            } else if (r.check() == SafetyRule.Check.SAE_REPORT_WITHIN_HOURS) {
                Heidelberg.saeReport(r, s, c, ctx).forEach(x -> f.add(r, s, x));
            }
        }
    }
}
