package io.protoguard.protocol;

import java.util.List;
import java.util.Set;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.Match;

/**
 * What the unconditional decision-table rules put into a session, recorded by the dry run: the names of the
 * rules that fired with no subject present, and the facts they inserted (immutable parameter records, in
 * firing order). Such a rule would fire again in every subject session and build the same facts; instead a
 * session gets these facts and skips those rules (this filter). A table row with a CONDITION on the subject's
 * facts does not fire in the dry run, is not listed here, and so still fires per subject. The tables are
 * still compiled and fired through Drools at load time, so a bad cell is still reported there.
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
