package io.protoguard.web;

import io.protoguard.intake.sdtm.StudyInput;
import io.protoguard.model.SubjectData;
import io.protoguard.protocol.ProtocolVersions;
import io.protoguard.risk.KriDefinition;
import io.protoguard.risk.RiskTable;
import io.protoguard.storage.NightlyQueries;
import io.protoguard.storage.Study;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Set;
import java.util.TreeSet;

/**
 * The deviations behind a KRI signal (issue 13: "one click away"): the study page narrowed to one site, and to what
 * the KRI counts where it counts a category or a severity. Observations do not carry the site, so the site's subjects
 * are read from the study's data, as SiteCounter counted them (Subjects.Site).
 */
public class SignalDeviations {
    private final ProtocolCatalog protocols;

    public SignalDeviations(ProtocolCatalog protocols) {
        this.protocols = protocols;
    }

    /** What the page says it shows, and the narrowing; {@code kri} unknown to the protocol narrows by site only. */
    public record Filter(String site, KriDefinition kri, NightlyQueries.Narrowing narrowing) {
        public String describe() {
            String what = kri == null ? "All deviations" : "Deviations counted by " + kri.id() + " (" + kri.title() + ")";
            return what + " at site " + site;
        }
    }

    /** Null when no site is asked for. */
    public Filter of(Study study, String site, String kriId) {
        if (site == null || site.isBlank()) return null;
        ProtocolVersions protocol = protocols.get(study.protocolId());
        if (protocol == null) throw new IllegalStateException("protocol " + study.protocolId() + " is not loaded");
        Set<String> subjects = new TreeSet<>();
        for (SubjectData d : StudyInput.read(Path.of(study.dataPath()), protocol.codeBook(), ZoneId.of(study.timeZone()), null,
                protocol.rules()).subjects()) {
            if (site.equals(d.subject().site())) subjects.add(d.subject().subjectId());
        }
        KriDefinition kri = kriId == null ? null
                : RiskTable.of(protocol.latest()).stream().filter(k -> k.id().equals(kriId)).findFirst().orElse(null);
        String category = kri == null || kri.numerator().category() == null ? null : kri.numerator().category().name();
        String severity = kri == null || kri.numerator().severity() == null ? null : kri.numerator().severity().name();
        return new Filter(site, kri, new NightlyQueries.Narrowing(subjects, category, severity));
    }
}
