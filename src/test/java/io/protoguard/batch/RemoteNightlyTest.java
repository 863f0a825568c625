package io.protoguard.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nightly run on several JVMs, on loopback: the machine's RabbitMQ (through {@link BrokerProxy}, so a "broker
 * restart" is a cut of the proxy, never of the broker), PostgreSQL for the shared job repository, the manager in
 * this JVM and workers in child JVMs ({@code protoguard nightly --worker}). Five studies, one of them split over two
 * sites and an unlisted partition (seven partitions), over three nights:
 * <ol>
 * <li>a worker is killed with SIGKILL while it holds a partition: the broker gives the partition to the other worker,
 *     and the run completes (exit 0);</li>
 * <li>the broker connection is cut for 3 s mid-run: the run completes after it comes back (or fails with exit 3 and
 *     the next start completes it);</li>
 * <li>no worker is left: the run fails with exit 3, and once a worker is started the next start resumes it; the same
 *     run started once more does nothing.</li>
 * </ol>
 * Every nightly table must then equal, row for row, what single-process runs (H2, no broker) made of the same data.
 * Fails, never skips, when PostgreSQL or RabbitMQ cannot be reached (.ci/run starts both).
 */
class RemoteNightlyTest {
    static final String PG = NightlyPostgresTest.URL;
    static final int RABBIT = 5672;

    @TempDir
    Path dir;
    String schema, queue;

    @AfterEach
    void cleanUp() throws Exception {
        if (schema != null) {
            try (Connection c = DriverManager.getConnection(PG, "postgres", ""); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
        if (queue != null) {
            com.rabbitmq.client.ConnectionFactory rabbit = new com.rabbitmq.client.ConnectionFactory();
            rabbit.setHost("127.0.0.1");
            rabbit.setPort(RABBIT);
            try (var connection = rabbit.newConnection(); var channel = connection.createChannel()) {
                channel.queueDelete(queue);
            }
        }
    }

    @Test
    void workersOverRabbitMqEqualASingleProcessRunThroughKillsAndBrokerCuts() throws Exception {
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        schema = "protoguard_remote_" + id;
        try (Connection c = DriverManager.getConnection(PG, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (java.sql.SQLException e) {
            fail("PostgreSQL cannot be reached at " + PG + " (" + e.getMessage() + "); start it or run .ci/run", e);
        }
        try (java.net.Socket probe = new java.net.Socket("127.0.0.1", RABBIT)) {
            assertThat(probe.isConnected()).isTrue();
        } catch (java.io.IOException e) {
            fail("RabbitMQ cannot be reached at 127.0.0.1:" + RABBIT + " (" + e.getMessage() + "); start it or run .ci/run", e);
        }
        queue = "protoguard.test." + id;
        NightlyFixture remote = new NightlyFixture(dir, "pg", PG + "?currentSchema=" + schema, "postgres"), local = new NightlyFixture(dir, "local");
        NightlySitePartitionsTest.spreadOverSites(remote.study("s1", "sivelestat-evt", "day-windows").resolve("Subjects.csv"), "01", "02", "");
        remote.study("s2", "sivelestat-evt", "dosing");
        remote.study("m1", "msc-septic-shock", "visit-windows");
        remote.study("m2", "msc-septic-shock", "arms-and-dosing");
        remote.study("m3", "msc-septic-shock", "eligibility-and-consent");
        String yml = remote.studiesFile("""
                studies:
                  - {id: S1, protocol: sivelestat-evt, sites: ['01', '02'], data: s1}
                  - {id: S2, protocol: sivelestat-evt, data: s2}
                  - {id: M1, protocol: msc-septic-shock, data: m1}
                  - {id: M2, protocol: msc-septic-shock, data: m2}
                  - {id: M3, protocol: msc-septic-shock, data: m3}
                """).toString();
        try (BrokerProxy proxy = new BrokerProxy(RABBIT)) {
            List<String> broker = List.of("--spring.rabbitmq.host=127.0.0.1", "--spring.rabbitmq.port=" + proxy.port(),
                    "--protoguard.nightly.remote.queue=" + queue);
            List<String> workerArgs = new ArrayList<>(remote.springArgs());
            workerArgs.addAll(broker);
            workerArgs.addAll(List.of("--protoguard.nightly.threads=1", "--protoguard.nightly.partition-delay-ms=700"));
            List<String> manager = new ArrayList<>(broker);
            manager.addAll(List.of("--protoguard.nightly.remote.enabled=true", "--protoguard.nightly.remote.poll-interval=300ms",
                    "--protoguard.nightly.remote.no-worker-grace=6s"));
            List<WorkerProcess> workers = new ArrayList<>();
            try {
                WorkerProcess a = start(workers, "a", workerArgs), b = start(workers, "b", workerArgs);
                // While the workers start (Flyway's lock on PostgreSQL keeps concurrent migrations apart): register, and
                // the single-process reference of night 1.
                assertThat(remote.nightly("--studies", yml, "--register-only").exit()).isZero();
                assertThat(local.nightly("--as-of", "2026-07-01", "--studies", yml).exit()).isZero();
                ready(a);
                ready(b);

                phase("Night 1");
                // Night 1: worker a is killed while it holds a partition; another worker does it in the same run (b, or
                // c if it has booted by then).
                var night1 = CompletableFuture.supplyAsync(() -> remote.nightly(args("2026-07-01", manager)));
                String held = a.await(" takes ", 180).replaceAll(".* takes (\\S+) .*", "$1");
                a.kill();
                WorkerProcess c = start(workers, "c", workerArgs);
                NightlyFixture.Run first = night1.get(300, TimeUnit.SECONDS);
                assertThat(first.exit()).as(first.out() + first.err() + "\nworker b:\n" + b.err()).isZero();
                List<String> takenByOthers = new ArrayList<>(b.taken());
                takenByOthers.addAll(c.taken());
                assertThat(takenByOthers).as("the killed worker's partition was redelivered to another worker").contains(held);

                phase("Night 2");
                // Night 2: one assessment and one dose fewer; the broker goes away for 3 s while partitions run.
                dropFirstDataRow(dir.resolve("s1/Assessments.csv"));
                dropFirstDataRow(dir.resolve("m2/Doses.csv"));
                assertThat(local.nightly("--as-of", "2026-07-02").exit()).isZero();
                ready(c);
                int takenBefore = b.taken().size() + c.taken().size();
                var night2 = CompletableFuture.supplyAsync(() -> remote.nightly(args("2026-07-02", manager)));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
                while (b.taken().size() + c.taken().size() == takenBefore && System.nanoTime() < deadline) Thread.sleep(50);
                proxy.cut();
                Thread.sleep(3000);
                proxy.restore();
                NightlyFixture.Run second = night2.get(300, TimeUnit.SECONDS);
                if (second.exit() == 3) second = remote.nightly(args("2026-07-02", manager)); // allowed: exit 3, then a clean resume
                assertThat(second.exit()).as(second.out() + second.err() + "\nworker b:\n" + b.err() + "\nworker c:\n" + c.err()).isZero();

                phase("Night 3");
                // Night 3: no worker left, exit 3; a worker comes back and the next start resumes; the same run again does nothing.
                dropFirstDataRow(dir.resolve("m3/Criteria.csv"));
                b.kill();
                c.kill();
                NightlyFixture.Run stranded = remote.nightly(args("2026-07-03", manager));
                assertThat(stranded.exit()).as(stranded.err()).isEqualTo(3);
                assertThat(stranded.err()).contains("no worker consumed the queue " + queue).contains("partitions not done are marked FAILED");
                WorkerProcess d = start(workers, "d", workerArgs);
                assertThat(local.nightly("--as-of", "2026-07-03").exit()).isZero();
                ready(d);
                NightlyFixture.Run resumed = remote.nightly(args("2026-07-03", manager));
                assertThat(resumed.exit()).as(resumed.err() + "\nworker d:\n" + d.err()).isZero();
                assertThat(d.err()).contains("drops (already FAILED)");
                NightlyFixture.Run again = remote.nightly(args("2026-07-03", manager));
                assertThat(again.exit()).isZero();
                assertThat(again.err()).contains("already complete");
            } finally {
                for (WorkerProcess w : workers) w.close();
            }
        }

        phase("compare");
        Map<String, List<String>> expected = NightlyRestartTest.snapshot(local), actual = NightlyRestartTest.snapshot(remote);
        assertThat(actual.get("observations")).hasSizeGreaterThan(100).doesNotHaveDuplicates();
        for (String table : expected.keySet()) {
            // element by element, so a difference names the rows that are missing or extra
            assertThat(actual.get(table)).as(table).containsExactlyElementsOf(expected.get(table));
        }
        int staged = remote.query(j -> j.sql("SELECT COUNT(*) FROM partition_result").query(Integer.class).single());
        assertThat(staged).as("each of 7 partitions staged once a night").isEqualTo(3 * 7);
        assertThat(reports(remote)).isEqualTo(reports(local)).hasSize(3 * 5);
    }

    private final long started = System.nanoTime();

    /** Where the test's time goes (in the surefire report): the multi-JVM tests have a budget of about 3 minutes. */
    private void phase(String name) {
        System.out.println("RemoteNightlyTest: " + name + " at " + (System.nanoTime() - started) / 1_000_000 + " ms");
    }

    private static WorkerProcess start(List<WorkerProcess> workers, String name, List<String> args) throws Exception {
        WorkerProcess w = new WorkerProcess(name, args);
        workers.add(w);
        return w;
    }

    private static void ready(WorkerProcess w) throws InterruptedException {
        w.await("takes partitions from queue", 240); // a cold JVM on a loaded 2-core machine
    }

    private static String[] args(String asOf, List<String> manager) {
        List<String> all = new ArrayList<>(List.of("--as-of", asOf));
        all.addAll(manager);
        return all.toArray(String[]::new);
    }

    private static void dropFirstDataRow(Path csv) throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(csv));
        lines.remove(1);
        Files.write(csv, lines);
    }

    private static List<String> reports(NightlyFixture f) throws Exception {
        try (Stream<Path> s = Files.walk(f.reportDir())) {
            return s.filter(Files::isRegularFile).map(p -> f.reportDir().relativize(p).toString()).sorted().toList();
        }
    }
}
