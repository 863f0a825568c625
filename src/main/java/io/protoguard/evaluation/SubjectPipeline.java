package io.protoguard.evaluation;

import io.protoguard.evaluation.Evaluator.SubjectResult;
import io.protoguard.model.CheckContext;
import io.protoguard.model.SubjectData;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Evaluates subjects as intake hands them over: batches go to a fixed pool of threads, and at most a few
 * batches are in flight, so memory stays bounded however many subjects come. Results reach the sink in the
 * order subjects arrived (SubjectId order), one subject at a time, on the caller's thread.
 */
public final class SubjectPipeline implements AutoCloseable {
    private final Evaluator evaluator;
    private final CheckContext ctx;
    private final Consumer<SubjectResult> sink;
    private final int batchSize;
    private final int maxInFlight;
    private final ExecutorService pool;
    private final Deque<Future<List<SubjectResult>>> inFlight = new ArrayDeque<>();
    private List<SubjectData> batch = new ArrayList<>();

    public SubjectPipeline(Evaluator evaluator, CheckContext ctx, int threads, Consumer<SubjectResult> sink) {
        this(evaluator, ctx, threads, 64, sink);
    }

    SubjectPipeline(Evaluator evaluator, CheckContext ctx, int threads, int batchSize, Consumer<SubjectResult> sink) {
        this.evaluator = evaluator;
        this.ctx = ctx;
        this.sink = sink;
        this.batchSize = batchSize;
        this.maxInFlight = threads * 4; // enough queued work to keep every thread busy while the reader parses
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "protoguard-evaluate");
            t.setDaemon(true);
            return t;
        });
    }

    public void accept(SubjectData subject) {
        batch.add(subject);
        if (batch.size() >= batchSize) submit();
    }

    /** Evaluates what is left and delivers every result; call once intake is done. */
    public void finish() {
        if (!batch.isEmpty()) submit();
        while (!inFlight.isEmpty()) deliverOldest();
    }

    private void submit() {
        while (inFlight.size() >= maxInFlight) deliverOldest();
        List<SubjectData> work = batch;
        batch = new ArrayList<>(batchSize);
        inFlight.add(pool.submit(() -> work.stream().map(s -> evaluator.evaluateInOrder(s, ctx)).toList()));
    }

    private void deliverOldest() {
        List<SubjectResult> results;
        try {
            results = inFlight.removeFirst().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while evaluating subjects", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) throw re;
            throw new IllegalStateException(cause);
        }
        results.forEach(sink);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
