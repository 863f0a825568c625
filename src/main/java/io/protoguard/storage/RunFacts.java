package io.protoguard.storage;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A small cache of what never changes about a stored run (its rows are append-only, V2): the filter choices, the
 * number of subjects with a timeline, the number of deviations. On a 100,000-subject run each is a scan of thousands
 * of rows, repeated on every page of the result, which is what kept the page from opening in under a second.
 * The 256 most recently used runs are kept.
 */
final class RunFacts<V> {
    private final Map<Long, V> cache = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, V> eldest) {
            return size() > 256;
        }
    });

    V get(long runId, Function<Long, V> load) {
        V known = cache.get(runId);
        if (known != null) return known;
        V loaded = load.apply(runId); // outside the lock: two first readers may both load; both get the same answer
        cache.put(runId, loaded);
        return loaded;
    }
}
