package io.protoguard.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** Stored KRIs (kri_result, append-only) and the signals read from them, on H2 migrated as the service migrates it. */
class RiskSignalsTest {
    private JdbcClient jdbc;
    private KriStore store;
    private final KriDefinition kri = new KriDefinition("KRI-IMP", "Subjects with an important deviation", KriNumerator.IMPORTANT_DEVIATIONS,
            KriDenominator.SUBJECTS, KriMethod.WINSORIZED, 2, 3, 3, null, "test");

    @BeforeEach
    void database() {
        String url = "jdbc:h2:mem:kri" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration/common", "classpath:db/migration/h2").load().migrate();
        jdbc = JdbcClient.create(new SingleConnectionDataSource(url, "sa", "", true));
        store = new KriStore(jdbc);
    }

    private long night(LocalDate asOf, long jobInstance) {
        jdbc.sql("INSERT INTO nightly_run (job_instance_id, as_of, run_key, created_at) VALUES (?, ?, 'scheduled', ?)")
                .params(jobInstance, asOf, OffsetDateTime.now()).update();
        return jdbc.sql("SELECT id FROM nightly_run WHERE job_instance_id = ?").param(jobInstance).query(Long.class).single();
    }

    /** Ten sites of 10 subjects at 3 events, one at {@code planted} events. */
    private KriScores scores(int planted) {
        List<SiteCount> counts = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) counts.add(new SiteCount("S" + i, i == 0 ? planted : 3, 10));
        return kri.score(counts);
    }

    @Test
    void aSiteIsANewSignalOnlyInTheFirstRunItIsRed() {
        long first = night(LocalDate.of(2026, 8, 1), 1), second = night(LocalDate.of(2026, 8, 2), 2), third = night(LocalDate.of(2026, 8, 3), 3);
        store.insert(first, "ST", LocalDate.of(2026, 8, 1), kri, scores(10));
        store.insert(second, "ST", LocalDate.of(2026, 8, 2), kri, scores(10));
        store.insert(third, "ST", LocalDate.of(2026, 8, 3), kri, scores(3));
        RiskSignals signals = new RiskSignals(store);
        assertThat(signals.newRed("ST", first)).extracting(RiskSignals.Signal::site).containsExactly("S0");
        assertThat(signals.newRed("ST", second)).isEmpty();
        assertThat(signals.red("ST", second)).extracting(RiskSignals.Signal::site).containsExactly("S0");
        assertThat(signals.red("ST", third)).isEmpty();
        assertThat(signals.latestRun("ST")).contains(third);

        RiskSignals.KriView view = signals.ofRun("ST", second, 10).get(0);
        assertThat(view.trend().get("S0")).hasSize(2).allSatisfy(z -> assertThat(z).isGreaterThan(3));
        assertThat(view.svg()).contains("class=\"site-point flag-RED\" data-site=\"S0\"").contains("limit-red").contains("limit-amber");
        assertThat(view.scores().phi()).isEqualTo(scores(10).phi());
    }

    @Test
    void storedKrisCannotBeChanged() {
        long run = night(LocalDate.of(2026, 8, 1), 1);
        store.insert(run, "ST", LocalDate.of(2026, 8, 1), kri, scores(10));
        assertThatThrownBy(() -> jdbc.sql("UPDATE kri_result SET flag = 'NONE'").update()).hasMessageContaining("kri_result");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM kri_result").update()).hasMessageContaining("kri_result");
        // H2 fires no trigger on TRUNCATE: V49's always-empty guard table refers to kri_result, so H2 refuses it
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE TABLE kri_result").update()).hasStackTraceContaining("Cannot truncate \"PUBLIC.KRI_RESULT\"");
        assertThat(store.has(run, "ST")).isTrue();
    }
}
