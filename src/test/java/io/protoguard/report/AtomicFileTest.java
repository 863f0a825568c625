package io.protoguard.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AtomicFileTest {

    @TempDir
    Path dir;

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    @Test
    void successfulWriteReplacesTheTarget() throws Exception {
        Path target = dir.resolve("report.json");
        Files.writeString(target, "old");
        AtomicFile.write(target, out -> out.write("new content".getBytes(StandardCharsets.UTF_8)));
        assertThat(Files.readString(target)).isEqualTo("new content");
        assertThat(files()).containsExactly(target);
    }

    @Test
    void createsANewFile() throws Exception {
        Path target = dir.resolve("new.csv");
        AtomicFile.write(target, out -> {
            out.write('x');
            out.close(); // a body closing its stream is harmless
        });
        assertThat(Files.readString(target)).isEqualTo("x");
        assertThat(files()).containsExactly(target);
    }

    @Test
    void failingBodyLeavesTargetUntouchedAndNoTempFile() throws Exception {
        Path target = dir.resolve("report.xlsx");
        Files.writeString(target, "previous report");
        assertThatThrownBy(() -> AtomicFile.write(target, out -> {
            out.write("half a rep".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        })).isInstanceOf(IOException.class).hasMessage("disk full");
        assertThat(Files.readString(target)).isEqualTo("previous report");
        assertThat(files()).containsExactly(target);
    }

    @Test
    void uncheckedFailureAlsoCleansUp() throws Exception {
        Path target = dir.resolve("report.txt");
        assertThatThrownBy(() -> AtomicFile.write(target, out -> {
            out.write(1);
            throw new UncheckedIOException(new IOException("boom"));
        })).isInstanceOf(UncheckedIOException.class);
        assertThat(target).doesNotExist();
        assertThat(files()).isEmpty();
    }

    @Test
    void writesAReportWhole() throws Exception {
        Path target = dir.resolve("r.json");
        AtomicFile.write(target, out -> new JsonReport().write(Fixtures.sample(), out));
        assertThat(Files.readString(target)).startsWith("{").contains("\"deviations\"");
        assertThat(files()).containsExactly(target);
    }
}
