package io.protoguard.model;

import java.util.Map;
import java.util.Set;

/**
 * The codes a protocol knows, so intake can tell a typo from a value: tests (numeric or coded), criteria
 * (numeric or yes/no), arms, and the visits with the tests each schedules.
 */
public record CodeBook(Set<String> numericTests, Set<String> codedTests, Set<String> numericCriteria,
                       Set<String> yesNoCriteria, Set<String> arms, Map<String, Set<String>> testsByVisit) {

    public boolean knowsTest(String test) {
        return numericTests.contains(test) || codedTests.contains(test);
    }

    public boolean knowsCriterion(String code) {
        return numericCriteria.contains(code) || yesNoCriteria.contains(code);
    }
}
