package io.protoguard.report;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportWritersTest {

    @Test
    void knowsTheFourFormats() {
        assertThat(ReportWriters.formats()).containsExactly("text", "json", "csv", "xlsx");
        assertThat(ReportWriters.forFormat("text")).isInstanceOf(TextReport.class);
        assertThat(ReportWriters.forFormat("json")).isInstanceOf(JsonReport.class);
        assertThat(ReportWriters.forFormat("CSV")).isInstanceOf(CsvReport.class);
        assertThat(ReportWriters.forFormat(" xlsx ")).isInstanceOf(XlsxReport.class);
    }

    @Test
    void unknownFormatListsTheKnownOnes() {
        assertThatThrownBy(() -> ReportWriters.forFormat("pdf"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'pdf'")
                .hasMessageContaining("text, json, csv, xlsx");
        assertThatThrownBy(() -> ReportWriters.forFormat(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "json", "csv", "xlsx"})
    void writersFlushButNeverCloseTheStream(String format) throws Exception {
        Fixtures.CloseRecorder out = new Fixtures.CloseRecorder();
        ReportWriters.forFormat(format).write(Fixtures.sample(), out);
        assertThat(out.closed).as("closed").isFalse();
        assertThat(out.flushed).as("flushed").isTrue();
        assertThat(out.bytes.size()).isPositive();
    }
}
