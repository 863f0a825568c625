package io.protoguard.protocol;

import io.protoguard.model.CodeBook;
import io.protoguard.model.rules.CriterionRule;
import io.protoguard.model.rules.DosingRule;
import io.protoguard.model.rules.ProtocolRule;
import io.protoguard.model.rules.ValueRange;
import io.protoguard.model.rules.VisitWindow;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The codes intake accepts for a protocol: SPEC section 3's codes plus the codes its tables use. */
final class CodeBooks {
    static final Set<String> SPEC_NUMERIC_TESTS = Set.of("NIHSS", "MRS", "EQ5D5L", "BARTHEL", "SOFA", "IL6", "IL10", "PCT", "CRP", "ANC");
    static final Set<String> SPEC_CODED_TESTS = Set.of("IMAGING");
    static final Set<String> SPEC_YES_NO_CRITERIA = Set.of("LVO", "EVT", "SEPTIC_SHOCK", "PREGNANT", "ONCOHEM_CHEMO_RESISTANT");
    static final Set<String> SPEC_NUMERIC_CRITERIA = Set.of("ANC");

    private CodeBooks() {}

    static CodeBook of(List<ProtocolRule> rules) {
        Set<String> numericTests = new TreeSet<>(SPEC_NUMERIC_TESTS), codedTests = new TreeSet<>(SPEC_CODED_TESTS);
        Set<String> numericCriteria = new TreeSet<>(SPEC_NUMERIC_CRITERIA), yesNo = new TreeSet<>(SPEC_YES_NO_CRITERIA);
        Set<String> arms = new TreeSet<>();
        Map<String, Set<String>> byVisit = new TreeMap<>();
        for (ProtocolRule r : rules) {
            // A range of a Subjects column ("Subjects.Age": a plausibility range) is no test code an assessment may name.
            if (r instanceof ValueRange v && v.test().contains(".")) {
                continue;
            } else if (r instanceof ValueRange v) {
                (v.numeric() ? numericTests : codedTests).add(v.test());
                (v.numeric() ? codedTests : numericTests).remove(v.test());
            } else if (r instanceof CriterionRule c) {
                (c.numeric() ? numericCriteria : yesNo).add(c.criterion());
                if (c.arm() != null) arms.add(c.arm());
            } else if (r instanceof DosingRule d && d.arm() != null) {
                arms.add(d.arm());
            } else if (r instanceof VisitWindow w) {
                byVisit.computeIfAbsent(w.visit(), k -> new TreeSet<>()).add(w.test());
                if (w.arm() != null) arms.add(w.arm());
                if (!codedTests.contains(w.test())) numericTests.add(w.test());
            }
        }
        return new CodeBook(numericTests, codedTests, numericCriteria, yesNo, arms, byVisit);
    }
}
