package io.protoguard.protocol;

import java.util.List;
import java.util.stream.Collectors;

/** A protocol that cannot be loaded, with every problem found (not only the first). */
public class ProtocolLoadException extends Exception {
    private final List<ProtocolProblem> problems;

    public ProtocolLoadException(String protocol, List<ProtocolProblem> problems) {
        super("protocol " + protocol + " cannot be loaded:\n" + problems.stream().map(ProtocolProblem::describe)
                .collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<ProtocolProblem> problems() {
        return problems;
    }
}
