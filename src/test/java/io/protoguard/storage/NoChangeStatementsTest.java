package io.protoguard.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The code side of "never updated or deleted": no statement in the application changes a stored run. */
class NoChangeStatementsTest {
    private static final Pattern CHANGE = Pattern.compile(
            "(?i)(UPDATE|DELETE\\s+FROM|TRUNCATE(\\s+TABLE)?|MERGE\\s+INTO)\\s+(upload|check_run|deviation|input_error|run_report|subject_timeline|audit_event|nightly_run|study_run|deviation_identity|deviation_observation|deviation_review)\\b");

    @Test
    void noSourceFileHoldsAnUpdateOrDeleteOfStoredRuns() throws Exception {
        List<String> offenders;
        try (Stream<Path> files = Files.walk(Path.of("src/main"))) {
            offenders = files.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".sql"))
                    .filter(p -> !p.toString().contains("db/migration"))
                    .filter(p -> {
                        try {
                            return CHANGE.matcher(Files.readString(p)).find();
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).map(Path::toString).toList();
        }
        assertThat(offenders).isEmpty();
    }
}
