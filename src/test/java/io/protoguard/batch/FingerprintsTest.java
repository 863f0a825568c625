package io.protoguard.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.protoguard.model.Category;
import io.protoguard.model.Deviation;
import io.protoguard.model.Severity;
import io.protoguard.model.SourceRef;
import io.protoguard.storage.DeviationState;
import io.protoguard.storage.Observation;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Identity is what a deviation is about, never how it is worded or where its row sits; the lifecycle follows it. */
class FingerprintsTest {
    static Deviation deviation(String subject, String message, int row, LocalDate on) {
        return new Deviation(subject, Category.VISIT_WINDOW, Severity.IMPORTANT, "SCH-H48-NIHSS", "H48", on, message, "36-60 h",
                "70 h", "citation", new SourceRef("a.xlsx", "Assessments", row), "1.0");
    }

    @Test
    void messageValuesFileAndRowDoNotChangeTheIdentityButTheDateDoes() {
        LocalDate day = LocalDate.of(2026, 3, 4);
        String a = Fingerprints.identify("S", List.of(deviation("P1", "70 h after randomization", 5, day))).get(0).fingerprint();
        Deviation reworded = new Deviation("P1", Category.VISIT_WINDOW, Severity.NON_IMPORTANT, "SCH-H48-NIHSS", "H48", day, "other words",
                "x", "y", "z", new SourceRef("b.xlsx", "Assessments", 99), "2.0");
        assertThat(Fingerprints.identify("S", List.of(reworded)).get(0).fingerprint()).isEqualTo(a);
        assertThat(Fingerprints.identify("S", List.of(deviation("P1", "m", 5, day.plusDays(1)))).get(0).fingerprint()).isNotEqualTo(a);
        assertThat(Fingerprints.identify("OTHER", List.of(deviation("P1", "m", 5, day))).get(0).fingerprint()).isNotEqualTo(a);
    }

    @Test
    void twoDeviationsOfOneRecordKeyAreToldApartByTheirOrder() {
        LocalDate day = LocalDate.of(2026, 3, 4);
        var both = Fingerprints.identify("S", List.of(deviation("P1", "first", 5, day), deviation("P1", "second", 6, day)));
        assertThat(both.get(0).fingerprint()).isNotEqualTo(both.get(1).fingerprint());
        assertThat(both.get(1).identity().recordKey()).isEqualTo("Assessments@2026-03-04#2");
        assertThat(both.get(0).fingerprint()).isEqualTo(Fingerprints.identify("S", List.of(deviation("P1", "first", 5, day))).get(0).fingerprint());
    }

    @Test
    void statesFollowThePreviousCheckAndEveryIdentitySeen() {
        LocalDate day = LocalDate.of(2026, 3, 4);
        var stays = Fingerprints.identify("S", List.of(deviation("P1", "m", 1, day))).get(0);
        var comesBack = Fingerprints.identify("S", List.of(deviation("P2", "m", 1, day))).get(0);
        var fresh = Fingerprints.identify("S", List.of(deviation("P3", "m", 1, day))).get(0);
        var gone = Fingerprints.identify("S", List.of(deviation("P4", "m", 1, day))).get(0);
        List<Observation> previous = List.of(new Observation(stays.fingerprint(), DeviationState.OPEN, stays.deviation()),
                new Observation(gone.fingerprint(), DeviationState.NEW, gone.deviation()));
        Set<String> known = Set.of(stays.fingerprint(), comesBack.fingerprint(), gone.fingerprint());
        Lifecycle.Judgement j = Lifecycle.judge(List.of(stays, comesBack, fresh), previous, known);
        assertThat(j.observations()).extracting(o -> o.deviation().subjectId() + "=" + o.state())
                .containsExactly("P1=OPEN", "P2=REOPENED", "P3=NEW", "P4=RESOLVED");
        assertThat(j.newIdentities()).extracting(i -> i.subjectId()).containsExactly("P3");
    }
}
