package io.protoguard.cli;

import io.protoguard.protocol.ProtocolLoadException;
import io.protoguard.protocol.ProtocolLoader;
import io.protoguard.protocol.ProtocolProblem;
import io.protoguard.protocol.ProtocolVersions;
import java.io.PrintStream;

/** A protocol named on the command line (an id or a folder), loaded or explained, line by line. */
final class ProtocolArgument {
    private ProtocolArgument() {}

    /** The loaded protocol, or null after printing every problem to {@code out}. */
    static ProtocolVersions load(String idOrDir, PrintStream out, String indent) {
        try {
            return new ProtocolLoader(Home.rules()).loadVersions(Home.protocol(idOrDir));
        } catch (ProtocolLoadException e) {
            for (ProtocolProblem p : e.problems()) out.println(indent + p.describe());
            return null;
        }
    }
}
