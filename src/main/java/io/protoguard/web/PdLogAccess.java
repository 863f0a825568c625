package io.protoguard.web;

import io.protoguard.pdlog.PdLogEdit;
import io.protoguard.pdlog.PdLogEntries;
import io.protoguard.pdlog.PdLogEntry;
import io.protoguard.pdlog.PdLogQueries;
import io.protoguard.pdlog.PdLogRow;
import io.protoguard.security.SiteAccess;
import io.protoguard.storage.AuditLog;
import io.protoguard.storage.SiteScope;
import io.protoguard.storage.Study;
import io.protoguard.storage.StudyRegistry;
import java.security.Principal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Who sees which part of a study's PD log, shared by the page and the API. A user who sees the study (all its sites,
 * as on the study page) sees the whole log; a monitor assigned only some of its sites (a site coordinator) sees
 * the rows of those sites; asking for, or editing a row of, a site not assigned is refused with 403 naming the site; a
 * user with none of the study's sites gets 404, as if the study did not exist.
 */
@Component
public class PdLogAccess {
    public static final String PD_LOG_EDITED = "PD_LOG_EDITED";
    private final StudyRegistry studies;
    private final SubjectSites sites;
    private final SiteAccess access;
    private final PdLogQueries queries;
    private final PdLogEntries entries;
    private final AuditLog audit;

    public PdLogAccess(StudyRegistry studies, SubjectSites sites, SiteAccess access, PdLogQueries queries, PdLogEntries entries,
                       AuditLog audit) {
        this.studies = studies;
        this.sites = sites;
        this.access = access;
        this.queries = queries;
        this.entries = entries;
        this.audit = audit;
    }

    /** A study as one user may read its log: {@code sites} null means every site. */
    public record Scoped(Study study, Set<String> sites, Map<String, String> siteOf) {
        public String sitesText() {
            return sites == null ? "all sites" : String.join(", ", sites);
        }
    }

    /** The study and the sites this user may read, narrowed to {@code site} when one is asked for. */
    public Scoped open(String id, Principal who, String site) {
        Study study = studies.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no study " + id));
        SiteScope scope = access.scopeOf(who);
        Set<String> mine = null;
        if (!scope.coversStudy(study)) {
            mine = new TreeSet<>(study.sites());
            mine.retainAll(scope.sites());
            if (mine.isEmpty()) throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no study " + id);
        }
        String wanted = site == null || site.isBlank() ? null : site.strip();
        if (wanted != null && mine != null && !mine.contains(wanted)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "site " + wanted + " is not assigned to " + who.getName()
                    + "; your sites in study " + id + ": " + String.join(", ", mine));
        }
        return new Scoped(study, wanted != null ? Set.of(wanted) : mine, sites.of(study));
    }

    public List<PdLogRow> rows(Scoped s, LocalDate from, LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "\"from\" " + from + " is after \"to\" " + to);
        }
        return queries.log(s.study().id(), s.siteOf(), new PdLogQueries.Filter(from, to, s.sites()));
    }

    /** Records an edit of one row's site columns, audited; 404 for a deviation not in the study, 403 for another site's. */
    @Transactional // the entry and its audit event together or neither
    public PdLogEntry edit(String id, String fingerprint, PdLogEdit edit, Principal who, String remoteAddr) {
        Scoped s = open(id, who, null);
        PdLogRow row = queries.log(id, s.siteOf()).stream().filter(r -> r.fingerprint().equals(fingerprint)).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "study " + id + " has no deviation " + fingerprint));
        if (s.sites() != null && !s.sites().contains(row.site())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, row.number() + " is a deviation of site "
                    + (row.site().isEmpty() ? "(unknown)" : row.site()) + ", which is not assigned to " + who.getName());
        }
        PdLogEntry e = entries.add(fingerprint, edit, who.getName(), LocalDate.now(ZoneId.of(s.study().timeZone())));
        audit.record(who.getName(), PD_LOG_EDITED, "study " + id + ", " + row.number() + " (deviation " + fingerprint.substring(0, 12)
                + "): reported to IRB/EC " + (e.reportedToIrb() ? "Y on " + e.reportedOn() : "N")
                + ", corrective action " + describe(e.correctiveAction()) + ", preventive action " + describe(e.preventiveAction()), remoteAddr);
        return e;
    }

    /** Audits an export, as run downloads are. */
    public void exported(Scoped s, String format, int rows, Principal who, String remoteAddr) {
        audit.record(who.getName(), AuditLog.DOWNLOAD, "PD log of study " + s.study().id() + " (" + s.sitesText() + "), " + rows
                + " rows, " + format, remoteAddr);
    }

    private static String describe(String text) {
        if (text == null) return "(none)";
        return "\"" + (text.length() > 80 ? text.substring(0, 79) + "\u2026" : text) + "\"";
    }
}
