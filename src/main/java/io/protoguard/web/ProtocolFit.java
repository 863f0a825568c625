package io.protoguard.web;

import io.protoguard.intake.sdtm.StudyInput;
import io.protoguard.model.WorkbookData;
import io.protoguard.protocol.ProtocolVersions;
import io.protoguard.storage.ProtocolHints;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Tells when an upload fits another protocol better than the one chosen: the wrong protocol does not fail an upload,
 * it buries the real cause ("arm SIVELESTAT is unknown") under hundreds of input errors about every row. Only when the
 * chosen protocol read the data with input errors, the upload is read again with every other protocol that loads
 * (reading checks the arms, visits and tests against the protocol's code book), and the one that reads it with the
 * fewest errors is suggested if it reads at least as many subjects with at most half the errors.
 */
@Component
public class ProtocolFit {
    private final ProtocolCatalog protocols;

    public ProtocolFit(ProtocolCatalog protocols) {
        this.protocols = protocols;
    }

    public Optional<ProtocolHints.Hint> better(Path readable, ZoneId zone, String chosenId, WorkbookData chosen) {
        int chosenErrors = chosen.errors().size();
        if (readable == null || chosenErrors == 0) return Optional.empty();
        ProtocolHints.Hint best = null;
        for (ProtocolCatalog.Entry e : protocols.all()) {
            if (!e.ok() || e.id().equals(chosenId)) continue;
            ProtocolVersions other = e.versions();
            WorkbookData data;
            try {
                data = StudyInput.read(readable, other.codeBook(), zone, null, other.rules());
            } catch (RuntimeException unreadable) {
                continue; // a layout this protocol cannot read at all fits it worse, not better
            }
            int errors = data.errors().size();
            boolean fits = errors * 2 <= chosenErrors && data.subjects().size() >= chosen.subjects().size()
                    && !data.subjects().isEmpty();
            if (fits && (best == null || errors < best.otherErrors())) {
                best = new ProtocolHints.Hint(e.id(), chosenErrors, errors, data.subjects().size());
            }
        }
        return Optional.ofNullable(best);
    }
}
