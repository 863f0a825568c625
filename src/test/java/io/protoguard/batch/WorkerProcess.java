package io.protoguard.batch;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@code protoguard nightly --worker} in a child JVM on the test's own classpath, its standard error collected. */
final class WorkerProcess implements AutoCloseable {
    final String name;
    private final Process process;
    private final List<String> err = Collections.synchronizedList(new ArrayList<>());

    WorkerProcess(String name, List<String> springArgs) throws Exception {
        this.name = name;
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), "-Dprotoguard.home=" + Path.of("").toAbsolutePath(),
                "io.protoguard.cli.Main", "nightly", "--worker"));
        command.addAll(springArgs);
        process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) err.add(line);
            } catch (java.io.IOException ignored) {
                // the worker was killed
            }
        }, "worker-" + name + "-stderr");
        reader.setDaemon(true);
        reader.start();
    }

    /** Waits for a line of standard error containing {@code text}; returns it. */
    String await(String text, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            synchronized (err) {
                for (String line : err) if (line.contains(text)) return line;
            }
            if (!process.isAlive()) throw new AssertionError("worker " + name + " exited with " + process.exitValue() + ": " + err());
            Thread.sleep(50);
        }
        throw new AssertionError("worker " + name + " wrote no line with '" + text + "' within " + seconds + " s: " + err());
    }

    /** The partitions (step names) this worker took. */
    List<String> taken() {
        synchronized (err) {
            return err.stream().filter(l -> l.contains(" takes ")).map(l -> l.replaceAll(".* takes (\\S+) .*", "$1")).toList();
        }
    }

    String err() {
        synchronized (err) {
            return String.join("\n", err);
        }
    }

    /** kill -9. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) throw new AssertionError("worker " + name + " did not die");
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) kill();
    }
}
