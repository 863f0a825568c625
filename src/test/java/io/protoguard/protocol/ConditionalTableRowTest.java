package io.protoguard.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.protoguard.evaluation.Evaluator;
import io.protoguard.intake.WorkbookReader;
import io.protoguard.model.Deviation;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A table row may carry a real CONDITION on the subject's facts. Such a row cannot be replaced by the facts
 * the dry run recorded (it does not fire without a subject), so it must still fire in each subject's session.
 */
class ConditionalTableRowTest {
    @TempDir
    Path tmp;

    @Test
    void rowWithAConditionOnTheSubjectFiresPerSubject() throws Exception {
        ProtocolVersions p = ArmConditionedSchedule.load(tmp);
        Path data = ArmConditionedSchedule.twoSubjects(tmp);
        List<Deviation> d = new Evaluator(p).check(new WorkbookReader(p.codeBook(), ZoneOffset.UTC).read(data),
                LocalDate.of(2026, 3, 20), ZoneOffset.UTC).deviations();
        assertThat(d).filteredOn(x -> x.ruleId().equals("SCH-D7-NIHSS")).extracting(Deviation::subjectId)
                .containsExactly("IN-ARM");
        assertThat(d).filteredOn(x -> x.ruleId().equals("SCH-H48-NIHSS")).extracting(Deviation::subjectId)
                .containsExactly("IN-ARM", "NO-ARM");
    }
}
