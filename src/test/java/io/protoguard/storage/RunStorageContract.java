package io.protoguard.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.protoguard.model.Category;
import io.protoguard.model.CheckResult;
import io.protoguard.model.Deviation;
import io.protoguard.model.InputError;
import io.protoguard.model.ProtocolInfo;
import io.protoguard.model.Severity;
import io.protoguard.model.SourceRef;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What storage must do on every database: the same tests run on H2 and on PostgreSQL. */
abstract class RunStorageContract {
    abstract RunArchive archive();

    abstract RunQueries queries();

    abstract AuditLog audit();

    abstract JdbcClient jdbc();

    static final ProtocolInfo PROTOCOL = new ProtocolInfo("sivelestat-evt", "title", "1.0", LocalDate.of(2025, 1, 1));
    static final Deviation LATE = new Deviation("S-01", Category.VISIT_WINDOW, Severity.IMPORTANT, "SCH-H48-NIHSS", "H48",
            LocalDate.of(2026, 3, 3), "NIHSS for H48 was done outside its window", "48 h ±12 h", "60:01 h", "Time frame: 48 hours",
            new SourceRef("site01.xlsx", "Assessments", 4), "1.0");
    static final Deviation MISSED = new Deviation("S-02", Category.MISSED_ASSESSMENT, Severity.NON_IMPORTANT, "SCH-D90-MRS",
            "D90", LocalDate.of(2026, 6, 6), "No MRS for D90", "90 d ±7 d", "none recorded", "mRS at 90 days", null, "1.0");

    static NewRun run(String user, List<Deviation> deviations) {
        CheckResult r = new CheckResult(PROTOCOL, LocalDate.of(2026, 7, 1), 2,
                List.of(new InputError("site01.xlsx", "Assessments", 9, "Value", "E9", "\"x\" is not a number")),
                List.of(new InputError("site01.xlsx", "Notes", null, null, null, "sheet ignored")), deviations, List.of());
        return new NewRun("a".repeat(64), "site01.xlsx", "XLSX", 1234, user,
                OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS), "b".repeat(64), "Europe/Berlin", 12, 34, r,
                Map.of("json", "{}".getBytes(), "csv", "a,b".getBytes()), Map.of("S-01", "{\"subjectId\":\"S-01\"}"), java.util.Set.of("XW01"));
    }

    @Test
    void storesEveryFieldOfEveryDeviationAndReadsItBack() {
        long id = archive().store(run("monica", List.of(LATE, MISSED, LATE)));
        assertThat(queries().deviations(id)).containsExactly(LATE, MISSED, LATE); // duplicates and order kept
        StoredRun run = queries().run(id).orElseThrow();
        assertThat(run.protocolId()).isEqualTo("sivelestat-evt");
        assertThat(run.protocolVersion()).isEqualTo("1.0");
        assertThat(run.asOf()).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(run.runBy()).isEqualTo("monica");
        assertThat(run.upload().sha256()).isEqualTo("a".repeat(64));
        assertThat(run.readMillis()).isEqualTo(12);
        assertThat(run.checkMillis()).isEqualTo(34);
        assertThat(run.deviations()).isEqualTo(3);
        assertThat(run.byCategory()).containsEntry("VISIT_WINDOW", 2).containsEntry("MISSED_ASSESSMENT", 1);
        assertThat(queries().inputErrors(id, "ERROR")).containsExactly(
                new InputError("site01.xlsx", "Assessments", 9, "Value", "E9", "\"x\" is not a number"));
        assertThat(queries().inputErrors(id, "WARNING")).hasSize(1);
        assertThat(queries().report(id, "csv")).get().isEqualTo("a,b".getBytes());
        assertThat(queries().timelines(id)).containsKey("S-01");
        assertThat(queries().latest(10)).extracting(StoredRun::id).contains(id);
    }

    @Test
    void aSecondRunLeavesTheFirstAsItWas() {
        long first = archive().store(run("monica", List.of(LATE)));
        StoredRun before = queries().run(first).orElseThrow();
        long second = archive().store(run("arthur", List.of(MISSED, MISSED)));
        assertThat(second).isNotEqualTo(first);
        assertThat(queries().run(first).orElseThrow()).isEqualTo(before);
        assertThat(queries().deviations(first)).containsExactly(LATE);
        assertThat(queries().deviations(second)).containsExactly(MISSED, MISSED);
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteStoredRunsAndDeviations() {
        long id = archive().store(run("monica", List.of(LATE)));
        // refused by the trigger (H2, PostgreSQL as owner) or by the missing grant (PostgreSQL as the application role)
        assertThatThrownBy(() -> jdbc().sql("UPDATE deviation SET message = 'nothing happened' WHERE run_id = ?").param(id).update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageMatching("(?s).*(never changed|permission denied).*");
        assertThatThrownBy(() -> jdbc().sql("DELETE FROM deviation WHERE run_id = ?").param(id).update())
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc().sql("UPDATE check_run SET deviations = 0 WHERE id = ?").param(id).update())
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc().sql("DELETE FROM upload").update()).isInstanceOf(DataAccessException.class);
        assertThat(queries().deviations(id)).containsExactly(LATE);
    }

    @Test
    void auditLogKeepsWhoDidWhatAndCannotBeRewritten() {
        audit().record("monica", AuditLog.SIGN_IN_FAILED, "BadCredentialsException", "127.0.0.1");
        audit().record("monica", AuditLog.SIGN_IN, "form sign-in", "127.0.0.1");
        List<AuditEvent> latest = audit().latest(2);
        assertThat(latest).extracting(AuditEvent::action).containsExactly(AuditLog.SIGN_IN, AuditLog.SIGN_IN_FAILED);
        assertThat(latest.get(0).at()).isNotNull();
        assertThatThrownBy(() -> jdbc().sql("DELETE FROM audit_event").update()).isInstanceOf(DataAccessException.class);
    }

    @Test
    void appendOnlyTablesCannotBeTruncated() {
        long id = archive().store(run("monica", List.of(LATE)));
        audit().record("monica", AuditLog.UPLOAD, "kept", null);
        for (String table : List.of("audit_event", "deviation", "input_error", "run_report", "subject_timeline", "run_site",
                "deviation_review", "deviation_observation")) {
            assertThatThrownBy(() -> jdbc().sql("TRUNCATE TABLE " + table).update()).as(table).isInstanceOf(DataAccessException.class);
        }
        assertThat(audit().latest(5)).anyMatch(e -> e.detail().equals("kept"));
        assertThat(queries().deviations(id)).containsExactly(LATE);
    }
}
