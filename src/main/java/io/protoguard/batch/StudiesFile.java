package io.protoguard.batch;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.protoguard.storage.Study;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The YAML file that seeds the study registry:
 * <pre>
 * studies:
 *   - id: SIV-EU
 *     protocol: sivelestat-evt
 *     sites: [XW01, XW02]
 *     data: siv-eu/latest.xlsx     # a workbook or a CSV folder; relative to this file
 *     timeZone: Europe/Berlin      # default UTC
 *     active: true                 # default true
 * </pre>
 * Unknown keys are refused, so a typo never silently drops a setting.
 */
public final class StudiesFile {
    private StudiesFile() {}

    record Entry(@JsonProperty(required = true) String id, @JsonProperty(required = true) String protocol, List<String> sites,
                 @JsonProperty(required = true) String data, String timeZone, Boolean active) {}

    record FileContent(@JsonProperty(required = true) List<Entry> studies) {}

    /** The studies of the file, data paths made absolute; throws IllegalArgumentException naming the file and the problem. */
    public static List<Study> read(Path file, String by) {
        FileContent content;
        try {
            content = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                    .readValue(file.toFile(), FileContent.class);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage().lines().findFirst().orElse("cannot be read"));
        }
        if (content == null || content.studies() == null) throw new IllegalArgumentException(file + ": no \"studies:\" list");
        Path base = file.toAbsolutePath().getParent();
        return content.studies().stream().map(e -> new Study(e.id(), e.protocol(), e.sites(),
                base.resolve(e.data()).normalize().toString(), e.timeZone() == null ? "UTC" : e.timeZone(),
                e.active() == null || e.active(), null, by)).toList();
    }
}
