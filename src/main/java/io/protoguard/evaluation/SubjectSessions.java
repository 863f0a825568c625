package io.protoguard.evaluation;

import io.protoguard.protocol.TableFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import org.kie.api.KieBase;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.KieServices;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.KeepReferenceOption;
import org.kie.api.runtime.rule.FactHandle;

/**
 * Sessions that already hold the protocol's table facts, one subject at a time. A session is primed once (table
 * facts inserted and propagated), then for each subject the subject's facts go in, the rules fire, and every fact
 * inserted since priming (the subject's and what its rules derived) is deleted again, which leaves the session
 * as primed. This replaces a pooled session's reset, its InitialFact and the ~40 table facts re-inserted per
 * subject (together 20-25 % of the engine's samples, docs/benchmarks.md round 5).
 *
 * <p>A subject's findings cannot depend on an earlier subject: after the deletes no fact of it is left (checked by
 * the fact count), and a session whose table facts were touched or whose subject failed is thrown away, not reused.
 */
final class SubjectSessions {
    private final KieBase base;
    private final TableFacts tables;
    private final ConcurrentLinkedQueue<Primed> idle = new ConcurrentLinkedQueue<>();

    SubjectSessions(KieBase base, TableFacts tables) {
        this.base = base;
        this.tables = tables;
    }

    /** Runs {@code subject} (which inserts a subject's facts and sets globals) and fires the rules. */
    void evaluate(Consumer<KieSession> subject) {
        Primed p = idle.poll();
        if (p == null) p = new Primed();
        boolean reusable = false;
        try {
            p.tracking = true;
            subject.accept(p.session);
            p.session.fireAllRules(tables);
            reusable = p.clear();
        } finally {
            if (reusable) {
                idle.offer(p);
            } else {
                p.session.dispose();
            }
        }
    }

    /**
     * Sessions the KieBase does not remember: by default a KieBase keeps every stateful session it made until it
     * is disposed, and an Evaluator made per upload or per nightly partition never disposes its idle sessions, so
     * a long-running service would keep them all. Unremembered, they go with their Evaluator.
     */
    private static KieSessionConfiguration unreferenced() {
        KieSessionConfiguration conf = KieServices.get().newKieSessionConfiguration();
        conf.setOption(KeepReferenceOption.NO);
        return conf;
    }

    /** One session and the handles inserted into it since it was primed. */
    private final class Primed implements RuleRuntimeEventListener {
        final KieSession session = base.newKieSession(unreferenced(), null);
        final List<FactHandle> inserted = new ArrayList<>();
        final long primedCount;
        boolean tracking, tablesTouched;

        Primed() {
            tables.facts().forEach(session::insert);
            session.fireAllRules(tables); // propagates the table facts; the table rules themselves are skipped
            primedCount = session.getFactCount();
            session.addEventListener(this);
        }

        /** Deletes what the subject brought and derived; false if the session is not back to its primed state. */
        boolean clear() {
            tracking = false;
            for (FactHandle h : inserted) session.delete(h);
            inserted.clear();
            // The deletes are propagated now, so the next subject's session holds no staged work of this one; a rule
            // that fires on a deletion (none of the shared rules can) leaves a session that is not reused.
            int fired = session.fireAllRules(tables);
            return fired == 0 && !tablesTouched && session.getFactCount() == primedCount;
        }

        @Override
        public void objectInserted(ObjectInsertedEvent event) {
            if (tracking) inserted.add(event.getFactHandle());
            else tablesTouched = true;
        }

        @Override
        public void objectUpdated(ObjectUpdatedEvent event) {
            tablesTouched |= !inserted.contains(event.getFactHandle());
        }

        @Override
        public void objectDeleted(ObjectDeletedEvent event) {
            if (!tracking) return; // our own deletes in clear()
            tablesTouched |= !inserted.remove(event.getFactHandle());
        }
    }
}
