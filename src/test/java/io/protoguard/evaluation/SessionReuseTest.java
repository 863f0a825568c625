package io.protoguard.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.protoguard.TestProtocols;
import io.protoguard.generate.DataGenerator;
import io.protoguard.generate.DeviationRates;
import io.protoguard.intake.WorkbookReader;
import io.protoguard.model.CheckContext;
import io.protoguard.model.Deviation;
import io.protoguard.model.SubjectData;
import io.protoguard.protocol.LoadedProtocol;
import io.protoguard.protocol.ArmConditionedSchedule;
import io.protoguard.protocol.ProtocolVersions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The evaluator reuses a session from subject to subject (SubjectSessions): a subject's findings must be the
 * same whether it is evaluated alone, after other subjects, or in another order.
 */
class SessionReuseTest {
    private static final CheckContext CTX = new CheckContext(LocalDate.of(2026, 7, 1), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    @Test
    void aSubjectHasTheSameFindingsAloneAsAfterOtherSubjectsInEitherOrder() throws Exception {
        LoadedProtocol p = TestProtocols.sivelestat();
        new DataGenerator(300, 7, DeviationRates.all(0.05), false).write(tmp.resolve("data"));
        List<SubjectData> subjects = new WorkbookReader(p.codeBook(), ZoneOffset.UTC).read(tmp.resolve("data")).subjects();

        Map<String, Evaluator.SubjectResult> alone = new LinkedHashMap<>();
        for (SubjectData s : subjects) alone.put(s.subjectId(), new Evaluator(p).evaluateInOrder(s, CTX));
        Evaluator shared = new Evaluator(p);
        Map<String, Evaluator.SubjectResult> forward = new LinkedHashMap<>(), backward = new LinkedHashMap<>();
        for (SubjectData s : subjects) forward.put(s.subjectId(), shared.evaluateInOrder(s, CTX));
        List<SubjectData> reversed = new ArrayList<>(subjects);
        java.util.Collections.reverse(reversed);
        for (SubjectData s : reversed) backward.put(s.subjectId(), shared.evaluateInOrder(s, CTX));

        assertThat(alone.values().stream().mapToInt(r -> r.deviations().size()).sum()).isGreaterThan(100);
        // Subject by subject: a whole-map failure message of 300 results is too large for surefire to report.
        for (String id : alone.keySet()) {
            assertThat(forward.get(id)).as("%s after the subjects before it", id).isEqualTo(alone.get(id));
            assertThat(backward.get(id)).as("%s after the subjects after it", id).isEqualTo(alone.get(id));
        }
    }

    /** A table row with a condition on the subject fires in its session and inserts a window: gone for the next subject. */
    @Test
    void whatAConditionalTableRowInsertsForOneSubjectIsGoneForTheNext() throws Exception {
        ProtocolVersions p = ArmConditionedSchedule.load(tmp);
        Path data = ArmConditionedSchedule.twoSubjects(tmp);
        List<SubjectData> subjects = new WorkbookReader(p.codeBook(), ZoneOffset.UTC).read(data).subjects();
        CheckContext ctx = new CheckContext(LocalDate.of(2026, 3, 20), ZoneOffset.UTC);
        Evaluator shared = new Evaluator(p); // one thread, so one session serves both subjects in turn
        for (int round = 0; round < 2; round++) {
            assertThat(rules(shared.evaluateInOrder(subjects.get(0), ctx))).contains("SCH-D7-NIHSS", "SCH-H48-NIHSS");
            assertThat(rules(shared.evaluateInOrder(subjects.get(1), ctx))).doesNotContain("SCH-D7-NIHSS").contains("SCH-H48-NIHSS");
        }
    }

    /** The service and the nightly run make an Evaluator per upload or partition: its sessions must not outlive it. */
    @Test
    void evaluatorsMadeOnePerUploadLeaveNoSessionInTheRuleBase() throws Exception {
        LoadedProtocol p = TestProtocols.sivelestat();
        new DataGenerator(3, 11, DeviationRates.all(0.05), false).write(tmp.resolve("few"));
        List<SubjectData> subjects = new WorkbookReader(p.codeBook(), ZoneOffset.UTC).read(tmp.resolve("few")).subjects();
        int before = p.kieBase().getKieSessions().size();
        for (int upload = 0; upload < 5; upload++) {
            Evaluator perUpload = new Evaluator(p);
            for (SubjectData s : subjects) assertThat(perUpload.evaluateInOrder(s, CTX).deviations()).isNotNull();
        }
        // A KieBase remembers the stateful sessions it made unless told not to; remembered, these would pile up.
        assertThat(p.kieBase().getKieSessions()).hasSize(before);
    }

    private static List<String> rules(Evaluator.SubjectResult r) {
        return r.deviations().stream().map(Deviation::ruleId).toList();
    }
}
