package io.protoguard.engine;

import io.protoguard.model.rules.CriterionRule;
import io.protoguard.model.rules.DosingRule;
import io.protoguard.model.rules.EnrolmentRule;
import io.protoguard.model.rules.ProtocolRule;
import io.protoguard.model.rules.VisitWindow;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Arm-specific table rows. A subject whose Arm is empty in a protocol that has such rows cannot be judged by
 * them; that is reported once, under the first arm-specific Dosing row (lowest RuleId), or under the first
 * arm-specific row of any table when no Dosing row names an arm.
 */
public final class Arms {
    private Arms() {}

    /** The arm a row is limited to, or null when it applies to every arm. */
    public static String of(Object rule) {
        if (rule instanceof DosingRule r) return r.arm();
        if (rule instanceof VisitWindow r) return r.arm();
        if (rule instanceof CriterionRule r) return r.arm();
        if (rule instanceof EnrolmentRule r) return r.arm();
        return null;
    }

    /** The row to report an unrecorded arm under; empty when the protocol has no arm-specific rows. */
    public static List<ProtocolRule> anchor(List<?> rules) {
        List<ProtocolRule> specific = specific(rules);
        Comparator<ProtocolRule> byId = Comparator.comparing(ProtocolRule::ruleId);
        Optional<ProtocolRule> dosing = specific.stream().filter(r -> r instanceof DosingRule).min(byId);
        return dosing.or(() -> specific.stream().min(byId)).map(List::of).orElse(List.of());
    }

    public static List<ProtocolRule> specific(List<?> rules) {
        return rules.stream().filter(r -> r instanceof ProtocolRule && of(r) != null).map(r -> (ProtocolRule) r)
                .sorted(Comparator.comparing(ProtocolRule::ruleId)).toList();
    }

    /** "DOSE-CONTROL-NO-MSC, DOSE-MSC-10H-ONSET, ..." */
    public static String ids(List<?> rules) {
        return String.join(", ", specific(rules).stream().map(ProtocolRule::ruleId).toList());
    }

    /** "one of CONTROL, MSC" */
    public static String known(List<?> rules) {
        return "one of " + String.join(", ", new TreeSet<>(specific(rules).stream().map(Arms::of).toList()));
    }
}
