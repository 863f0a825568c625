package io.protoguard.intake;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
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

    static <T> void run(List<T> sheets, ToLongFunction<T> size, Consumer<T> read) {
        int threads = Math.min(threads(), sheets.size());
        if (threads <= 1) {
            sheets.forEach(read);
            return;
        }
        List<T> largestFirst = sheets.stream().sorted(Comparator.comparingLong(size).reversed()).toList();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "protoguard-read");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> done = largestFirst.stream().<Future<?>>map(s -> pool.submit(() -> read.accept(s))).toList();
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
        } finally {
            pool.shutdownNow();
        }
    }
}
