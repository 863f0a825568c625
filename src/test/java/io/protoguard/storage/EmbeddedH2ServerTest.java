package io.protoguard.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code protoguard serve} with the default embedded database, in a child JVM (H2 reads its bind address once per
 * JVM, so only a fresh one shows what the service does): the AUTO_SERVER listener is on 127.0.0.1 only, the database
 * refuses the old empty password and takes the generated one from the 0600 file, and the files are 0600.
 */
class EmbeddedH2ServerTest {
    @TempDir
    Path dir;

    @Test
    void theSharedDatabaseListensOnLoopbackOnlyWithAGeneratedPassword() throws Exception {
        Path data = dir.resolve("data");
        Process serve = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), "io.protoguard.cli.Main", "serve", "--server.port=0",
                "--protoguard.data-dir=" + data).redirectErrorStream(true).start();
        List<String> output = Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) output.add(line);
            } catch (java.io.IOException e) {
                // the child ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (output.stream().noneMatch(l -> l.contains("serving on")) && serve.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(output).as("serve started").anyMatch(l -> l.contains("serving on"));

            Properties lock = new Properties();
            try (Reader r = Files.newBufferedReader(data.resolve("protoguard.lock.db"), StandardCharsets.ISO_8859_1)) {
                lock.load(r);
            }
            String server = lock.getProperty("server");
            assertThat(server).as("the address AUTO_SERVER advertises").matches("(127\\.0\\.0\\.1|localhost):\\d+");
            int port = Integer.parseInt(server.substring(server.lastIndexOf(':') + 1));
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000); // open on loopback
            }
            InetAddress outside = nonLoopbackAddress();
            assertThat(outside).as("this test needs a non-loopback IPv4 address to prove the port is closed there").isNotNull();
            assertThatThrownBy(() -> {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress(outside, port), 2000);
                }
            }).as("port %d on %s", port, outside).isInstanceOf(java.io.IOException.class);

            Path passwordFile = data.resolve("protoguard.h2-password");
            String password = Files.readString(passwordFile).strip();
            for (Path f : List.of(passwordFile, data.resolve("protoguard.mv.db"), data.resolve("protoguard.lock.db"))) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).as(f.toString()).isEqualTo("rw-------");
            }
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
            String url = "jdbc:h2:file:" + data.resolve("protoguard") + ";AUTO_SERVER=TRUE";
            assertThatThrownBy(() -> DriverManager.getConnection(url, "sa", "")).isInstanceOf(SQLException.class);
            try (Connection c = DriverManager.getConnection(url, "sa", password); Statement s = c.createStatement()) {
                assertThat(s.executeQuery("SELECT COUNT(*) FROM audit_event").next()).isTrue();
                assertThatThrownBy(() -> s.execute("TRUNCATE TABLE audit_event")).isInstanceOf(SQLException.class);
            }
        } finally {
            serve.destroy();
            serve.waitFor(30, TimeUnit.SECONDS);
            serve.destroyForcibly();
        }
    }

    private static InetAddress nonLoopbackAddress() throws java.net.SocketException {
        for (NetworkInterface n : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!n.isUp() || n.isLoopback()) continue;
            for (InetAddress a : Collections.list(n.getInetAddresses())) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress()) return a;
            }
        }
        return null;
    }
}
