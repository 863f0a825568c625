package io.protoguard.web;

import io.protoguard.intake.sdtm.StudyInput;
import io.protoguard.model.SubjectData;
import io.protoguard.protocol.ProtocolVersions;
import io.protoguard.storage.Study;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Subject to site for a study, read from its latest data (the nightly tables keep no site per subject) and kept while
 * the data files are unchanged (same names, sizes and modification times), so paging through the PD log does not read
 * the whole study again on every request.
 */
@Component
public class SubjectSites {
    private static final int KEPT = 8;
    private final ProtocolCatalog protocols;
    private final Map<String, Map<String, String>> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Map<String, String>> eldest) {
            return size() > KEPT;
        }
    };

    public SubjectSites(ProtocolCatalog protocols) {
        this.protocols = protocols;
    }

    /**
     * The study's subjects and their sites; empty when the data or protocol cannot be read right now (the PD log's rows
     * then show no site, and only a user who sees every site of the study sees them).
     */
    public Map<String, String> of(Study study) {
        String key;
        try {
            key = study.id() + "|" + study.protocolId() + "|" + study.timeZone() + "|" + stamp(Path.of(study.dataPath()));
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
        synchronized (cache) {
            Map<String, String> kept = cache.get(key);
            if (kept != null) return kept;
        }
        Map<String, String> sites = new HashMap<>();
        try {
            ProtocolVersions protocol = protocols.get(study.protocolId());
            for (SubjectData d : StudyInput.read(Path.of(study.dataPath()), protocol.codeBook(), ZoneId.of(study.timeZone()), null,
                    protocol.rules()).subjects()) {
                if (d.subject().site() != null) sites.put(d.subjectId(), d.subject().site());
            }
        } catch (RuntimeException e) {
            return Map.of(); // unreadable now: not kept, so the next request tries again
        }
        Map<String, String> read = Map.copyOf(sites);
        synchronized (cache) {
            cache.put(key, read);
        }
        return read;
    }

    /** Names, sizes and modification times of the data file or of the files of the data folder. */
    private static String stamp(Path data) throws IOException {
        if (!Files.isDirectory(data)) return data + ":" + Files.size(data) + ":" + Files.getLastModifiedTime(data).toMillis();
        StringBuilder b = new StringBuilder();
        try (Stream<Path> files = Files.list(data)) {
            for (Path p : files.sorted().toList()) {
                b.append(p.getFileName()).append(':').append(Files.size(p)).append(':').append(Files.getLastModifiedTime(p).toMillis()).append(';');
            }
        }
        return b.toString();
    }
}
