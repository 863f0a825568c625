package io.protoguard.intake;

import io.protoguard.model.rules.CriterionRule;
import io.protoguard.model.rules.DateOrderRule;
import io.protoguard.model.rules.DosingRule;
import io.protoguard.model.rules.OutcomeRule;
import io.protoguard.model.rules.ProtocolRule;
import io.protoguard.model.rules.SafetyRule;
import io.protoguard.model.rules.ValueRange;
import io.protoguard.model.rules.VisitWindow;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Which rules of a protocol read the rows of which sheet: what a missing sheet leaves unapplied. */
final class SheetRules {
    private SheetRules() {}

    static Map<SheetKind, List<String>> of(List<? extends ProtocolRule> rules) {
        Map<SheetKind, TreeSet<String>> ids = new EnumMap<>(SheetKind.class);
        for (ProtocolRule r : rules) {
            for (SheetKind kind : sheetsRead(r)) ids.computeIfAbsent(kind, k -> new TreeSet<>()).add(r.ruleId());
        }
        Map<SheetKind, List<String>> out = new EnumMap<>(SheetKind.class);
        ids.forEach((k, v) -> out.put(k, new ArrayList<>(v)));
        return out;
    }

    private static List<SheetKind> sheetsRead(ProtocolRule r) {
        if (r instanceof CriterionRule) return List.of(SheetKind.CRITERIA);
        if (r instanceof DosingRule) return List.of(SheetKind.DOSES);
        if (r instanceof SafetyRule) return List.of(SheetKind.EVENTS);
        if (r instanceof VisitWindow) return List.of(SheetKind.ASSESSMENTS);
        // A range of a Subjects column (a plausibility range, "Subjects.Age") reads no assessment.
        if (r instanceof ValueRange v) return v.test().contains(".") ? List.of() : List.of(SheetKind.ASSESSMENTS);
        if (r instanceof OutcomeRule o) return o.test() == null ? List.of() : List.of(SheetKind.ASSESSMENTS);
        if (r instanceof DateOrderRule d) {
            List<SheetKind> out = new ArrayList<>();
            for (String field : List.of(d.earlier(), d.later())) {
                String sheet = field == null || !field.contains(".") ? "" : field.substring(0, field.indexOf('.'));
                SheetKind.byName(sheet).filter(k -> k != SheetKind.SUBJECTS).ifPresent(out::add);
            }
            return out;
        }
        return List.of();
    }
}
