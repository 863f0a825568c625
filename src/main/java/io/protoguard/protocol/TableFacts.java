package io.protoguard.protocol;

import java.util.List;
import java.util.Set;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.Match;

/**
 * What the decision-table rules put into a session, recorded by the dry run: the rules' names and the facts
 * they inserted (immutable parameter records, in firing order). Table rules have no conditions, so in every
 * subject session they would fire again and build the same facts; instead a session gets these facts and
 * skips the table rules (this filter). The tables are still compiled and fired through Drools at load time,
 * so a bad cell is still reported there.
 */
public record TableFacts(Set<String> ruleNames, List<Object> facts) implements AgendaFilter {

    public TableFacts {
        ruleNames = Set.copyOf(ruleNames);
        facts = List.copyOf(facts);
    }

    @Override
    public boolean accept(Match match) {
        return !ruleNames.contains(match.getRule().getName());
    }
}
