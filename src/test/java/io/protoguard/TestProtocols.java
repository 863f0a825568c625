package io.protoguard;

import io.protoguard.protocol.LoadedProtocol;
import io.protoguard.protocol.ProtocolLoader;
import java.nio.file.Path;

/** The shipped protocols, compiled once per test JVM (compiling takes seconds). */
public final class TestProtocols {
    private static LoadedProtocol sivelestat;

    private TestProtocols() {}

    public static synchronized LoadedProtocol sivelestat() throws Exception {
        if (sivelestat == null) {
            sivelestat = new ProtocolLoader(Path.of("rules")).load(Path.of("decision-tables", "sivelestat-evt"));
        }
        return sivelestat;
    }
}
