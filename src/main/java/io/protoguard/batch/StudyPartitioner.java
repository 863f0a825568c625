package io.protoguard.batch;

import io.protoguard.storage.Study;
import io.protoguard.storage.StudyRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.batch.core.partition.support.Partitioner;
import org.springframework.batch.item.ExecutionContext;

/**
 * One partition per (active study, site) pair ({@link SitePartition}), named after it so a restart finds the same
 * partitions again (completed ones are skipped by Spring Batch, the others run). Each partition's context carries
 * the study, its own key and all of the study's keys, so whichever partition commits last can tell that the study is
 * complete. The registry is read at each start: a study added before a restart is checked by the restart. gridSize
 * is ignored: the studies and their sites decide how many partitions there are.
 */
public final class StudyPartitioner implements Partitioner {
    public static final String PARTITION = "partition", STUDY_PARTITIONS = "studyPartitions", SITES = "sites";

    private final StudyRegistry registry;

    public StudyPartitioner(StudyRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        for (Study s : registry.active()) {
            var keys = SitePartition.keys(s);
            for (String key : keys) {
                ExecutionContext context = new ExecutionContext();
                context.putString(CheckStudyTasklet.STUDY_ID, s.id());
                context.putString(PARTITION, key);
                context.putString(STUDY_PARTITIONS, String.join(",", keys));
                context.putString(SITES, String.join(",", s.sites()));
                partitions.put(new SitePartition(s.id(), key, s.sites()).stepName(), context);
            }
        }
        return partitions;
    }
}
