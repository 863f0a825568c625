package io.protoguard.intake;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * Reads independent sheets (the files of a CSV folder) on a few threads, largest first so the last one to
 * finish is a small one. Intake reads every sheet before the first subject can be merged, and on 2 cores that
 * read was a serial phase with one core idle. What the sheets feed must be safe to call from several threads
 * ({@link Faults}, {@link RowSpool}); each sheet's own rows still arrive in file order on one thread.
 */
final class ParallelSheets {
    private ParallelSheets() {}

    /** Threads for reading: -Dprotoguard.intakeThreads, else one per processor (at most 4). */
    static int threads() {
        return Math.max(1, Integer.getInteger("protoguard.intakeThreads",
                Math.min(4, Runtime.getRuntime().availableProcessors())));
    }

    /** Whether every sheet passes {@code test}, tested on the reading threads. */
    static <T> boolean all(List<T> sheets, Predicate<T> test) {
        List<Boolean> passed = new ArrayList<>(Collections.nCopies(sheets.size(), false));
        List<Integer> indexes = java.util.stream.IntStream.range(0, sheets.size()).boxed().toList();
        run(indexes, i -> 0L, i -> passed.set(i, test.test(sheets.get(i))));
        return !passed.contains(false);
    }

    /**
     * Reads every sheet on a thread of its own while {@code alongside} runs on the caller's thread (a merge that
     * waits for rows from all of them, hence one thread each). A failure on either side stops the other.
     */
    static <T> void runAlongside(List<T> sheets, Consumer<T> read, Runnable alongside) {
        ExecutorService pool = pool(sheets.size());
        try {
            List<Future<?>> reading = sheets.stream().<Future<?>>map(s -> pool.submit(() -> read.accept(s))).toList();
            alongside.run();
            awaitAll(reading);
        } finally {
            pool.shutdownNow(); // after a failure of the merge: readers waiting for room are interrupted
        }
    }

    static <T> void run(List<T> sheets, ToLongFunction<T> size, Consumer<T> read) {
        int threads = Math.min(threads(), sheets.size());
        if (threads <= 1) {
            sheets.forEach(read);
            return;
        }
        List<T> largestFirst = sheets.stream().sorted(Comparator.comparingLong(size).reversed()).toList();
        ExecutorService pool = pool(threads);
        try {
            awaitAll(largestFirst.stream().<Future<?>>map(s -> pool.submit(() -> read.accept(s))).toList());
        } finally {
            pool.shutdownNow();
        }
    }

    private static ExecutorService pool(int threads) {
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "protoguard-read");
            t.setDaemon(true);
            return t;
        });
    }

    private static void awaitAll(List<Future<?>> done) {
        for (Future<?> f : done) {
            try {
                f.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException re) throw re;
                if (e.getCause() instanceof Error err) throw err;
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading the sheets", e);
            }
        }
    }
}
