package io.protoguard.cli;

import io.protoguard.protocol.ProtocolLoadException;
import io.protoguard.protocol.ProtocolLoader;
import io.protoguard.protocol.ProtocolProblem;
import io.protoguard.protocol.ProtocolVersions;
import io.protoguard.model.InputError;
import java.io.PrintStream;
import java.util.List;

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

    /** The loaded protocol, or null after adding every problem to {@code problems} (file, sheet and cell kept). */
    static ProtocolVersions load(String idOrDir, List<InputError> problems) {
        try {
            return new ProtocolLoader(Home.rules()).loadVersions(Home.protocol(idOrDir));
        } catch (ProtocolLoadException e) {
            for (ProtocolProblem p : e.problems()) {
                problems.add(new InputError(p.file(), p.sheet(), null, null, p.cell(), p.message()));
            }
            return null;
        }
    }
}
