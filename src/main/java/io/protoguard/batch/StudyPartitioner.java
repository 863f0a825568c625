package io.protoguard.batch;

import io.protoguard.storage.Study;
import io.protoguard.storage.StudyRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.batch.core.partition.support.Partitioner;
import org.springframework.batch.item.ExecutionContext;

/**
 * One partition per active registered study, named after it so a restart finds the same partitions again (completed
 * ones are skipped by Spring Batch, the others run). The registry is read at each start: a study added before a
 * restart is checked by the restart. gridSize is ignored: the studies decide how many partitions there are.
 */
public final class StudyPartitioner implements Partitioner {
    private final StudyRegistry registry;

    public StudyPartitioner(StudyRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        for (Study s : registry.active()) {
            ExecutionContext context = new ExecutionContext();
            context.putString(CheckStudyTasklet.STUDY_ID, s.id());
            partitions.put("study-" + s.id(), context);
        }
        return partitions;
    }
}
