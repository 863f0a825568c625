package io.protoguard.batch;

import io.protoguard.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A nightly setup in a temporary folder: study data copied from the shipped scenarios (CSV folders the tests edit),
 * a studies.yml, an H2 file database and a report folder; runs {@code protoguard nightly} in this JVM.
 */
final class NightlyFixture {
    static final Path SCENARIOS = Path.of("test-scenarios");

    final Path dir;
    final Path db;
    private final String url, user;

    NightlyFixture(Path dir, String dbName) {
        this(dir, dbName, null, "sa");
    }

    /** On another database (PostgreSQL): {@code url} with its user, no password. */
    NightlyFixture(Path dir, String dbName, String url, String user) {
        this.dir = dir;
        this.db = dir.resolve(dbName);
        this.url = url;
        this.user = user;
    }

    /** The CLI's result: exit status, standard output and error. */
    record Run(int exit, String out, String err) {}

    /** Copies a scenario's CSV files (not its expectations) to {@code <dir>/<name>}. */
    Path study(String name, String protocol, String scenario) {
        Path target = dir.resolve(name);
        try {
            Files.createDirectories(target);
            try (Stream<Path> files = Files.list(SCENARIOS.resolve(protocol).resolve(scenario))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".csv") && !p.getFileName().toString().startsWith("expected")).toList()) {
                    Files.copy(f, target.resolve(f.getFileName()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    Path studiesFile(String yaml) throws IOException {
        return Files.writeString(dir.resolve("studies.yml"), yaml);
    }

    /** Replaces the first occurrence of {@code from} in a study's CSV file. */
    void edit(String study, String file, String from, String to) throws IOException {
        Path p = dir.resolve(study).resolve(file);
        String text = Files.readString(p);
        if (!text.contains(from)) throw new AssertionError(p + " does not contain " + from);
        Files.writeString(p, text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
    }

    String url() {
        return url != null ? url : "jdbc:h2:file:" + db.toAbsolutePath() + ";WRITE_DELAY=0";
    }

    Path reportDir() {
        return dir.resolve("reports-" + db.getFileName());
    }

    List<String> springArgs() {
        return List.of("--spring.datasource.url=" + url(), "--spring.datasource.username=" + user, "--spring.datasource.password=",
                "--protoguard.data-dir=" + dir, "--protoguard.nightly.report-dir=" + reportDir());
    }

    /** {@code protoguard nightly <args> <spring args>} in this JVM. */
    synchronized Run nightly(String... args) {
        List<String> all = new ArrayList<>(List.of("nightly"));
        all.addAll(List.of(args));
        all.addAll(springArgs());
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = Main.run(all.toArray(String[]::new));
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /** Reads the database after a run (the run's own connections are closed by then). */
    <T> T query(java.util.function.Function<JdbcClient, T> body) {
        SingleConnectionDataSource ds = new SingleConnectionDataSource(url(), user, "", true);
        try {
            return body.apply(JdbcClient.create(ds));
        } finally {
            ds.destroy();
        }
    }
}
