package io.protoguard.intake.sdtm;

import io.protoguard.mapping.SdtmMapping;
import io.protoguard.model.Assessment;
import io.protoguard.model.ClinicalEvent;
import io.protoguard.model.Criterion;
import io.protoguard.model.DispensedAt;
import io.protoguard.model.Dose;
import io.protoguard.model.InputError;
import io.protoguard.model.Participation;
import io.protoguard.model.SourceRef;
import io.protoguard.model.Subject;
import io.protoguard.model.SubjectData;
import io.protoguard.model.VisitRecord;
import io.protoguard.model.When;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds each subject's facts from the domains' records as the mapping says (SPEC section 3). A value that
 * cannot be read is one input error naming file, domain, record and variable, and its record gives no fact.
 */
final class SdtmAssembler {
    private final SdtmMapping m;
    private final SdtmDates dates;
    private final List<InputError> errors, warnings;
    private final List<String> notChecked = new ArrayList<>();

    /** Per subject, the facts other than the subject itself, gathered before the subjects are built. */
    private static final class Facts {
        final List<Criterion> criteria = new ArrayList<>();
        final List<Assessment> assessments = new ArrayList<>();
        final List<Dose> doses = new ArrayList<>();
        final List<ClinicalEvent> events = new ArrayList<>();
        final List<Object> extras = new ArrayList<>();
        SdtmRecord disposition;
        When dispositionAt, anchorFromDs;
    }

    SdtmAssembler(SdtmMapping mapping, SdtmDates dates, List<InputError> errors, List<InputError> warnings) {
        this.m = mapping;
        this.dates = dates;
        this.errors = errors;
        this.warnings = warnings;
    }

    List<String> notChecked() {
        return notChecked;
    }

    List<SubjectData> assemble(Map<String, List<SdtmRecord>> byDomain, String studyName) {
        SdtmMapping.Subjects sm = m.subjects();
        List<SdtmRecord> dm = byDomain.getOrDefault(sm.domain(), List.of());
        if (dm.isEmpty()) {
            errors.add(new InputError(studyName, sm.domain(), null, null, null, "no " + sm.domain() + " domain (the subjects): nothing can be checked"));
        }
        Map<String, SdtmRecord> subjects = new TreeMap<>();
        Set<String> unchecked = new HashSet<>();
        for (SdtmRecord r : dm) {
            String id = r.text(sm.subjectId());
            if (id.isEmpty()) { error(r, sm.subjectId(), "is empty; every subject needs one"); continue; }
            if (subjects.containsKey(id) || unchecked.contains(id)) { error(r, sm.subjectId(), id + " appears twice in " + r.domain()); continue; }
            if (r.text(sm.anchor()).isEmpty() && !hasDsAnchor(byDomain, id)) { unchecked.add(id); notChecked.add(id); continue; }
            subjects.put(id, r);
        }
        if (!notChecked.isEmpty()) {
            warnings.add(new InputError(dm.get(0).file(), sm.domain(), null, sm.anchor(), null, notChecked.size()
                    + " subjects have no " + sm.anchor() + " (never treated: screen failures) and are not checked: "
                    + String.join(", ", notChecked)));
        }
        Map<String, Facts> facts = new TreeMap<>();
        subjects.keySet().forEach(id -> facts.put(id, new Facts()));
        if (m.disposition() != null) for (SdtmRecord r : domain(byDomain, m.disposition().domain())) disposition(r, facts, unchecked);
        if (m.visits() != null) for (SdtmRecord r : domain(byDomain, m.visits().domain())) visit(r, facts, unchecked);
        if (m.doses() != null) for (SdtmRecord r : domain(byDomain, m.doses().domain())) dose(r, facts, unchecked);
        if (m.criteria() != null) for (SdtmRecord r : domain(byDomain, m.criteria().domain())) criterion(r, facts, unchecked);
        if (m.assessments() != null) for (SdtmMapping.Findings f : m.assessments()) for (SdtmRecord r : domain(byDomain, f.domain())) assessment(f, r, facts, unchecked);
        if (m.events() != null) for (SdtmRecord r : domain(byDomain, m.events().domain())) event(r, facts, unchecked);
        List<SubjectData> out = new ArrayList<>();
        for (Map.Entry<String, SdtmRecord> e : subjects.entrySet()) {
            Subject s = subject(e.getValue(), facts.get(e.getKey()));
            if (s != null) {
                Facts f = facts.get(e.getKey());
                out.add(new SubjectData(s, f.criteria, f.assessments, f.doses, f.events, f.extras));
            }
        }
        return out;
    }

    /** Per domain the mapping reads, the variables it reads (upper case, as the readers name them). */
    static Map<String, Set<String>> variables(SdtmMapping m) {
        Map<String, Set<String>> out = new TreeMap<>();
        SdtmMapping.Subjects s = m.subjects();
        add(out, s.domain(), s.subjectId(), s.site(), s.arm(), s.shownArm(), s.sex(), s.age(), s.consentAt(), s.anchor(), s.diedAt());
        SdtmMapping.Disposition d = m.disposition();
        if (d != null) add(out, d.domain(), d.subjectId(), d.categoryVariable(), d.decode(), d.date(), d.seq());
        SdtmMapping.Visits v = m.visits();
        if (v != null) add(out, v.domain(), v.subjectId(), v.visit(), v.visitNumber(), v.date(), v.seq());
        SdtmMapping.Doses x = m.doses();
        if (x != null) add(out, x.domain(), x.subjectId(), x.treatment(), x.dose(), x.unit(), x.start(), x.end(), x.visit(), x.seq());
        SdtmMapping.Criteria c = m.criteria();
        if (c != null) add(out, c.domain(), c.subjectId(), c.test(), c.value(), c.seq());
        if (m.assessments() != null) {
            for (SdtmMapping.Findings f : m.assessments()) add(out, f.domain(), f.subjectId(), f.test(), f.value(), f.number(), f.date(), f.visit(), f.seq());
        }
        SdtmMapping.Events e = m.events();
        if (e != null) add(out, e.domain(), e.subjectId(), e.eventId(), e.type(), e.start(), e.seq());
        return out;
    }

    private static void add(Map<String, Set<String>> out, String domain, String... variables) {
        if (domain == null) return;
        Set<String> set = out.computeIfAbsent(domain.toUpperCase(Locale.ROOT), k -> new java.util.LinkedHashSet<>());
        for (String v : variables) if (v != null) set.add(v.toUpperCase(Locale.ROOT));
    }

    private boolean hasDsAnchor(Map<String, List<SdtmRecord>> byDomain, String id) {
        SdtmMapping.Disposition d = m.disposition();
        if (d == null || d.anchorDecode() == null) return false;
        return domain(byDomain, d.domain()).stream().anyMatch(r -> r.text(d.subjectId()).equals(id)
                && r.text(d.decode()).equalsIgnoreCase(d.anchorDecode()) && r.has(d.date()));
    }

    private static List<SdtmRecord> domain(Map<String, List<SdtmRecord>> byDomain, String domain) {
        return domain == null ? List.of() : byDomain.getOrDefault(domain.toUpperCase(Locale.ROOT), List.of());
    }

    private Subject subject(SdtmRecord r, Facts f) {
        SdtmMapping.Subjects sm = m.subjects();
        boolean ok = true;
        When anchor = f.anchorFromDs != null ? f.anchorFromDs : when(r, sm.anchor());
        if (anchor == null) ok = false;
        Integer age = null;
        if (sm.age() != null && r.has(sm.age())) {
            Double a = number(r, sm.age());
            if (a == null) ok = false;
            else age = (int) Math.floor(a);
        }
        When consent = optionalWhen(r, sm.consentAt()), died = optionalWhen(r, sm.diedAt());
        if (!ok) return null;
        When withdrawn = null;
        if (f.disposition != null && f.dispositionAt != null) {
            String decode = f.disposition.text(m.disposition().decode());
            List<String> completed = m.disposition().completed() == null ? List.of("COMPLETED") : m.disposition().completed();
            if (completed.stream().noneMatch(c -> c.equalsIgnoreCase(decode))) withdrawn = f.dispositionAt;
        }
        String sex = sm.sex() == null ? null : blankToNull(r.text(sm.sex()).toUpperCase(Locale.ROOT));
        String arm = sm.arm() == null ? null : blankToNull(r.text(sm.arm()));
        return new Subject(r.text(sm.subjectId()), sm.site() == null ? null : blankToNull(r.text(sm.site())), arm, sex, age,
                null, consent, null, anchor, null, died, withdrawn, SourceRef.sdtm(r.file(), r.domain(), r.row(), null));
    }

    private void disposition(SdtmRecord r, Map<String, Facts> facts, Set<String> unchecked) {
        SdtmMapping.Disposition d = m.disposition();
        Facts f = owner(r, d.subjectId(), facts, unchecked);
        if (f == null) return;
        if (d.anchorDecode() != null && r.text(d.decode()).equalsIgnoreCase(d.anchorDecode())) {
            f.anchorFromDs = when(r, d.date());
            return;
        }
        if (d.categoryVariable() != null && !r.text(d.categoryVariable()).equalsIgnoreCase(d.category())) return;
        When at = when(r, d.date());
        if (at == null) return;
        if (f.dispositionAt == null || at.date().isBefore(f.dispositionAt.date())) {
            f.disposition = r;
            f.dispositionAt = at;
            f.extras.removeIf(o -> o instanceof Participation);
            f.extras.add(new Participation(r.text(d.subjectId()), at.date(), r.text(d.decode()), source(r, d.seq())));
        }
    }

    private void visit(SdtmRecord r, Map<String, Facts> facts, Set<String> unchecked) {
        SdtmMapping.Visits v = m.visits();
        Facts f = owner(r, v.subjectId(), facts, unchecked);
        if (f == null) return;
        if (!r.has(v.visit())) { error(r, v.visit(), "is empty; a visit done needs its name"); return; }
        When at = when(r, v.date());
        if (at == null) return;
        Double number = v.visitNumber() != null && r.has(v.visitNumber()) ? number(r, v.visitNumber()) : null;
        f.extras.add(new VisitRecord(r.text(v.subjectId()), r.text(v.visit()), number, at, source(r, v.seq()))); // the name as written (findings show it), matched ignoring case
    }

    private void dose(SdtmRecord r, Map<String, Facts> facts, Set<String> unchecked) {
        SdtmMapping.Doses d = m.doses();
        Facts f = owner(r, d.subjectId(), facts, unchecked);
        if (f == null) return;
        When start = when(r, d.start());
        When end = optionalWhen(r, d.end());
        Double amount = r.has(d.dose()) ? number(r, d.dose()) : null;
        if (!r.has(d.dose())) error(r, d.dose(), "is empty; a dose record needs its dose");
        if (start == null || amount == null) return;
        Dose dose = new Dose(r.text(d.subjectId()), r.text(d.treatment()).toUpperCase(Locale.ROOT), start, end, amount,
                blankToNull(r.text(d.unit())), source(r, d.seq()));
        f.doses.add(dose);
        if (d.visit() != null && r.values().containsKey(d.visit())) f.extras.add(new DispensedAt(dose, r.text(d.visit())));
    }

    private void criterion(SdtmRecord r, Map<String, Facts> facts, Set<String> unchecked) {
        SdtmMapping.Criteria c = m.criteria();
        Facts f = owner(r, c.subjectId(), facts, unchecked);
        if (f == null) return;
        f.criteria.add(new Criterion(r.text(c.subjectId()), r.text(c.test()).toUpperCase(Locale.ROOT), r.text(c.value()).toUpperCase(Locale.ROOT), null, source(r, c.seq())));
    }

    private void assessment(SdtmMapping.Findings a, SdtmRecord r, Map<String, Facts> facts, Set<String> unchecked) {
        Facts f = owner(r, a.subjectId(), facts, unchecked);
        if (f == null) return;
        When at = when(r, a.date());
        if (at == null) return;
        Double number = a.number() != null && r.has(a.number()) ? number(r, a.number()) : null;
        String visit = a.visit() == null ? null : blankToNull(r.text(a.visit()).toUpperCase(Locale.ROOT));
        f.assessments.add(new Assessment(r.text(a.subjectId()), visit, r.text(a.test()).toUpperCase(Locale.ROOT), at,
                r.text(a.value()), number, source(r, a.seq())));
    }

    /** An AE record as an event of its coded term; the Heidelberg and SAE-report fields are not in SDTM AE. */
    private void event(SdtmRecord r, Map<String, Facts> facts, Set<String> unchecked) {
        SdtmMapping.Events e = m.events();
        Facts f = owner(r, e.subjectId(), facts, unchecked);
        if (f == null) return;
        if (!r.has(e.type())) { error(r, e.type(), "is empty; an event needs its coded term"); return; }
        When at = when(r, e.start());
        if (at == null) return;
        SourceRef source = source(r, e.seq());
        String id = e.eventId() != null && r.has(e.eventId()) ? r.text(e.eventId())
                : r.domain() + (source.seq() != null ? source.seq() : r.row());
        f.events.add(new ClinicalEvent(r.text(e.subjectId()), id, r.text(e.type()).toUpperCase(Locale.ROOT), at,
                null, null, null, null, null, null, null, null, source));
    }

    /** The facts of the record's subject; null (reported, unless the subject is simply not checked) otherwise. */
    private Facts owner(SdtmRecord r, String idVariable, Map<String, Facts> facts, Set<String> unchecked) {
        String id = r.text(idVariable);
        Facts f = facts.get(id);
        if (f == null && !unchecked.contains(id)) error(r, idVariable, "\"" + id + "\" is not a subject of " + m.subjects().domain());
        return f;
    }

    private When when(SdtmRecord r, String variable) {
        if (!r.has(variable)) { error(r, variable, "is empty; a date is required here"); return null; }
        try {
            return dates.parse(r.text(variable));
        } catch (IllegalArgumentException e) {
            error(r, variable, e.getMessage());
            return null;
        }
    }

    private When optionalWhen(SdtmRecord r, String variable) {
        return variable == null || !r.has(variable) ? null : when(r, variable);
    }

    private Double number(SdtmRecord r, String variable) {
        Object v = r.values().get(variable);
        if (v instanceof Double d) return d;
        try {
            return Double.parseDouble(r.text(variable));
        } catch (NumberFormatException e) {
            error(r, variable, "\"" + r.text(variable) + "\" is not a number");
            return null;
        }
    }

    private static SourceRef source(SdtmRecord r, String seqVariable) {
        Long seq = null;
        if (seqVariable != null && r.has(seqVariable)) {
            try { seq = (long) Double.parseDouble(r.text(seqVariable)); } catch (NumberFormatException ignored) { /* shown without --SEQ */ }
        }
        return SourceRef.sdtm(r.file(), r.domain(), r.row(), seq);
    }

    private void error(SdtmRecord r, String variable, String message) {
        errors.add(new InputError(r.file(), r.domain(), r.row(), variable, null, message));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
