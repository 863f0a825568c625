package io.protoguard.storage;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A registered study: which protocol judges it, its sites, where its latest data workbook (or CSV folder) lives,
 * and the time zone of date-times written without an offset. Only active studies are checked by the nightly run.
 */
public record Study(String id, String protocolId, List<String> sites, String dataPath, String timeZone, boolean active,
                    OffsetDateTime changedAt, String changedBy) {

    public Study {
        sites = sites == null ? List.of() : List.copyOf(sites);
    }
}
