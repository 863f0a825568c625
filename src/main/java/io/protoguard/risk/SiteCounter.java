package io.protoguard.risk;

import io.protoguard.model.Category;
import io.protoguard.model.ClinicalEvent;
import io.protoguard.model.Deviation;
import io.protoguard.model.Participation;
import io.protoguard.model.Subject;
import io.protoguard.model.SubjectData;
import io.protoguard.model.When;
import io.protoguard.model.rules.ProtocolRule;
import io.protoguard.model.rules.SafetyRule;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Numerators and denominators per site from a study's subjects and tonight's deviations. Every site of a
 * subject appears, with 0 events when it has none. Days on study run from randomization (consent when not
 * randomized) to the earliest of death, withdrawal, disposition and the as-of date, counting both ends
 * (SPEC section 8); a subject with neither date has none. Over subjects, the numerator counts subjects with at
 * least one matching deviation; over assessments, ICH events or days, it counts deviations.
 */
public final class SiteCounter {
    private final Set<String> lateSaeRules;
    private final Set<String> saeEventTypes;

    /** {@code rules}: the protocol's rules; its SAE_REPORT_WITHIN_HOURS rows say which deviations are late SAE reports. */
    public SiteCounter(List<ProtocolRule> rules) {
        List<SafetyRule> sae = rules.stream().filter(SafetyRule.class::isInstance).map(SafetyRule.class::cast)
                .filter(r -> r.check() == SafetyRule.Check.SAE_REPORT_WITHIN_HOURS).toList();
        this.lateSaeRules = sae.stream().map(SafetyRule::ruleId).collect(Collectors.toSet());
        this.saeEventTypes = sae.stream().map(SafetyRule::eventType).collect(Collectors.toSet());
    }

    /** Per site (in site order), the KRI's numerator and denominator. */
    public List<SiteCount> count(KriDefinition kri, List<SubjectData> subjects, List<Deviation> deviations, LocalDate asOf) {
        Map<String, String> siteOf = new HashMap<>();
        Set<String> randomized = new HashSet<>();
        Map<String, double[]> bySite = new TreeMap<>();
        for (SubjectData s : subjects) {
            String site = s.subject().site() == null ? "" : s.subject().site();
            siteOf.put(s.subjectId(), site);
            if (s.subject().randomizedAt() != null) randomized.add(s.subjectId());
            double[] c = bySite.computeIfAbsent(site, k -> new double[2]);
            c[1] += denominator(kri.denominator(), s, asOf);
            if (kri.numerator() == KriNumerator.SCREEN_FAILURES && s.subject().randomizedAt() == null) c[0]++;
        }
        Map<String, Integer> missedBySubject = new HashMap<>();
        // Over subjects, a KRI is the share of subjects with at least one such deviation: a binomial proportion.
        boolean perSubject = kri.denominator() == KriDenominator.SUBJECTS || kri.denominator() == KriDenominator.RANDOMIZED_SUBJECTS;
        Set<String> counted = new HashSet<>();
        for (Deviation d : deviations) {
            if (d.category() == Category.MISSED_ASSESSMENT) missedBySubject.merge(d.subjectId(), 1, Integer::sum);
            String site = siteOf.get(d.subjectId());
            if (site == null || !counts(kri.numerator(), d)) continue;
            if (perSubject && (!counted.add(d.subjectId())
                    || (kri.denominator() == KriDenominator.RANDOMIZED_SUBJECTS && !randomized.contains(d.subjectId())))) continue;
            bySite.get(site)[0]++;
        }
        if (kri.denominator() == KriDenominator.EXPECTED_ASSESSMENTS) {
            for (var e : missedBySubject.entrySet()) {
                String site = siteOf.get(e.getKey());
                if (site != null) bySite.get(site)[1] += e.getValue();
            }
        }
        Map<String, SiteCount> out = new LinkedHashMap<>();
        bySite.forEach((site, c) -> out.put(site, new SiteCount(site, c[0], c[1])));
        return List.copyOf(out.values());
    }

    private boolean counts(KriNumerator n, Deviation d) {
        if (n == KriNumerator.LATE_SAE_REPORTS) return lateSaeRules.contains(d.ruleId());
        return n.counts(d);
    }

    private double denominator(KriDenominator d, SubjectData s, LocalDate asOf) {
        Subject subject = s.subject();
        return switch (d) {
            case SUBJECTS -> 1;
            case RANDOMIZED_SUBJECTS -> subject.randomizedAt() == null ? 0 : 1;
            case DAYS_ON_STUDY -> daysOnStudy(s, asOf);
            case EXPECTED_ASSESSMENTS -> s.assessments().stream().filter(a -> a.performedAt() != null || a.value() != null).count();
            case SICH_EVENTS -> s.events().stream().filter(this::judgedForSae).count();
        };
    }

    private boolean judgedForSae(ClinicalEvent e) {
        return e.type() != null && saeEventTypes.contains(e.type().toUpperCase(java.util.Locale.ROOT));
    }

    /** Days on study, both ends counted; 0 when the subject never started or starts after the as-of date. */
    static long daysOnStudy(SubjectData s, LocalDate asOf) {
        Subject subject = s.subject();
        LocalDate start = date(subject.randomizedAt() != null ? subject.randomizedAt() : subject.consentAt());
        if (start == null) return 0;
        LocalDate end = asOf;
        for (When w : new When[] {subject.diedAt(), subject.withdrawnAt()}) {
            LocalDate x = date(w);
            if (x != null && x.isBefore(end)) end = x;
        }
        for (Object extra : s.extras()) {
            if (extra instanceof Participation p && p.endedOn() != null && p.endedOn().isBefore(end)) end = p.endedOn();
        }
        return end.isBefore(start) ? 0 : ChronoUnit.DAYS.between(start, end) + 1;
    }

    private static LocalDate date(When w) {
        return w == null ? null : w.date();
    }
}
