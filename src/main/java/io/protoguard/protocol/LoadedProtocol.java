package io.protoguard.protocol;

import io.protoguard.model.CodeBook;
import io.protoguard.model.ProtocolInfo;
import io.protoguard.model.rules.ProtocolRule;
import io.protoguard.model.rules.VisitWindow;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.KieBase;

/**
 * A compiled protocol: its descriptor, the KieBase built once and shared by every subject session, the
 * parameters its table rows produce (and, as {@code tableFacts}, what a session gets instead of firing the
 * table rows again), and where each rule row sits (for messages and lint).
 */
public record LoadedProtocol(ProtocolInfo info, KieBase kieBase, List<ProtocolRule> rules, TableFacts tableFacts,
                             CodeBook codeBook, List<RuleTableSheet> tables, String contentHash) {

    public List<VisitWindow> windows() {
        return rules.stream().filter(VisitWindow.class::isInstance).map(VisitWindow.class::cast).toList();
    }

    /** Visits in schedule order (earliest window start first), for sorting deviations by visit. */
    public Map<String, Integer> visitOrder() {
        Map<String, Integer> order = new LinkedHashMap<>();
        windows().stream()
                .sorted(Comparator.comparingDouble((VisitWindow w) -> w.from() * (w.unit() == VisitWindow.Unit.DAY ? 24 : 1))
                        .thenComparingDouble(w -> w.target() * (w.unit() == VisitWindow.Unit.DAY ? 24 : 1))
                        .thenComparing(VisitWindow::visit))
                .forEach(w -> order.putIfAbsent(w.visit(), order.size()));
        return order;
    }
}
