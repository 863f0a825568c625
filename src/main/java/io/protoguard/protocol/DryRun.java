package io.protoguard.protocol;

import io.protoguard.engine.Findings;
import io.protoguard.model.ProtocolInfo;
import io.protoguard.model.rules.ProtocolRule;
import io.protoguard.protocol.RuleTableSheet.Column;
import io.protoguard.protocol.RuleTableSheet.RuleRow;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.kie.api.KieBase;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;

/**
 * Fires the table rules once with no subject, collecting the parameters each row builds. A row whose
 * builder rejects a value (a Unit that is not DAY or HOUR) is reported at its cell, and the dry run
 * goes on without it, so every bad row is listed at once. It also records what the table rules insert
 * ({@link TableFacts}), which subject sessions then get without firing the table rules again.
 */
final class DryRun {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DryRun.class);
    private DryRun() {}

    record Result(List<ProtocolRule> rules, TableFacts tableFacts) {}

    static Result collect(KieBase base, ProtocolInfo info, List<CompiledTable> tables, List<ProtocolProblem> problems) {
        return collect(base, info, tableRules(tables), tables, problems);
    }

    static Set<String> tableRules(List<CompiledTable> tables) {
        Set<String> tableRules = new HashSet<>();
        for (CompiledTable t : tables) tableRules.addAll(t.ruleNames());
        return tableRules;
    }

    /** {@code tables} only places a failing row's message; a cached (already validated) protocol passes none. */
    static Result collect(KieBase base, ProtocolInfo info, Set<String> tableRules, List<CompiledTable> tables,
                          List<ProtocolProblem> problems) {
        Set<String> failed = new HashSet<>();
        for (int attempt = 0; attempt < 1000; attempt++) {
            KieSession session = base.newKieSession();
            try {
                session.setGlobal("findings", new Findings(info.version()));
                List<Object> inserted = new ArrayList<>();
                // Only table rules that fire here, with no subject in the session, are subject-independent and may
                // be replaced by their facts; a row with a CONDITION on the subject's facts must fire per subject.
                Set<String> fired = new HashSet<>();
                session.addEventListener(new DefaultRuleRuntimeEventListener() {
                    @Override
                    public void objectInserted(ObjectInsertedEvent e) {
                        if (e.getRule() != null && tableRules.contains(e.getRule().getName())) {
                            inserted.add(e.getObject());
                            fired.add(e.getRule().getName());
                        }
                    }
                });
                session.fireAllRules(match -> !failed.contains(match.getRule().getName()));
                if (!failed.isEmpty()) return new Result(List.of(), null);
                List<ProtocolRule> rules = new ArrayList<>();
                for (Object o : session.getObjects()) if (o instanceof ProtocolRule r) rules.add(r);
                rules.sort(java.util.Comparator.comparing(ProtocolRule::ruleId));
                return new Result(rules, new TableFacts(fired, inserted));
            } catch (ConsequenceException e) {
                String rule = e.getMatch().getRule().getName();
                failed.add(rule);
                Throwable cause = e.getCause() == null ? e : e.getCause();
                // A builder says what is wrong in words (IllegalArgumentException); anything else is a fault of ours,
                // whose Java text stays in the debug log.
                String words = cause instanceof IllegalArgumentException ? String.valueOf(cause.getMessage())
                        : "the rule built from this row failed (" + KieBaseBuilder.RAW_TEXT_HINT + ")";
                if (!(cause instanceof IllegalArgumentException)) LOG.debug("rule {} failed in the dry run", rule, cause);
                problems.add(locate(rule, words, tables));
            } finally {
                session.dispose();
            }
        }
        return new Result(List.of(), null);
    }

    /** Builder messages read "RULE-ID: Column ...": the column title names the cell. */
    private static ProtocolProblem locate(String ruleName, String message, List<CompiledTable> compiled) {
        for (CompiledTable ct : compiled) {
            RuleRow row = ct.row(ruleName);
            if (row == null) continue;
            RuleTableSheet t = ct.table();
            String text = message.contains(": ") ? message.substring(message.indexOf(": ") + 2) : message;
            Column col = null;
            for (Column c : t.columns()) {
                if (c.title() != null && !c.title().isEmpty() && text.startsWith(c.title() + " ")) col = c;
            }
            if (col == null) col = ErrorMapper.column(t, row, null, text);
            String cell = (col == null ? "A" : col.letter()) + row.excelRow();
            return new ProtocolProblem(t.file(), t.sheet(), cell, text);
        }
        return new ProtocolProblem(null, null, null, "rule " + ruleName + ": " + message);
    }
}
