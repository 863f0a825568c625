package io.protoguard.batch;

import io.protoguard.model.SubjectData;
import io.protoguard.model.WorkbookData;
import io.protoguard.storage.Study;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which subjects of a study one nightly partition checks. A study without sites is one partition ({@code all});
 * a study with sites is one partition per site ({@code site-<code>}) plus {@code unlisted} for subjects whose Site
 * is empty or not in the registry's list, so no subject is ever dropped. Evaluating a subject never depends on the
 * other subjects evaluated with it (SPEC 8, Performance), so the union of the site partitions' deviations is the
 * study's deviations.
 */
public record SitePartition(String studyId, String key, List<String> sites) {
    public static final String ALL = "all", UNLISTED = "unlisted", SITE = "site-";

    public SitePartition {
        sites = List.copyOf(sites);
    }

    /** Every partition key of a study, in a fixed order (the order the study's deviations are put together in). */
    public static List<String> keys(Study study) {
        if (study.sites().isEmpty()) return List.of(ALL);
        List<String> keys = new ArrayList<>();
        for (String site : study.sites()) keys.add(SITE + site);
        keys.add(UNLISTED);
        return List.copyOf(keys);
    }

    /** Whether the whole study is read by this partition's counting of row-level input errors (one partition counts them). */
    public boolean countsInputErrors() {
        return key.equals(ALL) || key.equals(UNLISTED);
    }

    /** The partition's subjects, with every error and warning of the study (they are counted by one partition only). */
    public WorkbookData select(WorkbookData data) {
        if (key.equals(ALL)) return data;
        Set<String> listed = Set.copyOf(sites);
        String site = key.startsWith(SITE) ? key.substring(SITE.length()) : null;
        List<SubjectData> mine = data.subjects().stream().filter(s -> {
            String subjectSite = s.subject().site() == null ? "" : s.subject().site().trim();
            return site != null ? subjectSite.equals(site) : !listed.contains(subjectSite);
        }).toList();
        return new WorkbookData(mine, data.errors(), data.warnings());
    }

    /** The partition's name in the job repository: {@code study-<id>} alone, or {@code study-<id>:<key>}. */
    public String stepName() {
        return "study-" + studyId + (key.equals(ALL) ? "" : ":" + key);
    }
}
