package io.protoguard.web;

import io.protoguard.pdlog.PdLogEdit;
import io.protoguard.pdlog.PdLogEntry;
import io.protoguard.pdlog.PdLogRow;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The PD log page of a study: the log filtered by period (occurredOn) and site, a form per row for the monitor's site
 * columns, and CSV/XLSX downloads of exactly the rows shown. Who sees what: {@link PdLogAccess}.
 */
@Controller
public class PdLogPageController {
    private final PdLogAccess pdLog;
    private final PdLogApiController api;

    public PdLogPageController(PdLogAccess pdLog, PdLogApiController api) {
        this.pdLog = pdLog;
        this.api = api;
    }

    @GetMapping("/studies/{id}/pd-log")
    public String page(@PathVariable String id, @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
                       @RequestParam(required = false) String site, Model model, Principal who) {
        PdLogAccess.Scoped scoped = pdLog.open(id, who, site);
        List<PdLogRow> rows = pdLog.rows(scoped, from, to);
        model.addAttribute("study", scoped.study());
        model.addAttribute("scope", scoped.sitesText());
        model.addAttribute("rows", rows);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("site", site == null ? "" : site.strip());
        model.addAttribute("maxText", PdLogEdit.MAX_TEXT);
        return "pdlog";
    }

    @GetMapping("/studies/{id}/pd-log/export")
    public ResponseEntity<byte[]> export(@PathVariable String id, @RequestParam String format, @RequestParam(required = false) LocalDate from,
                                         @RequestParam(required = false) LocalDate to, @RequestParam(required = false) String site,
                                         Principal who, HttpServletRequest request) throws IOException {
        if (!format.equals("csv") && !format.equals("xlsx")) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "format must be csv or xlsx, not \"" + format + "\"");
        }
        PdLogAccess.Scoped scoped = pdLog.open(id, who, site);
        return api.download(scoped, pdLog.rows(scoped, from, to), format, from, to, who, request.getRemoteAddr());
    }

    @PostMapping("/studies/{id}/pd-log/{fingerprint}")
    public String edit(@PathVariable String id, @PathVariable String fingerprint, @RequestParam(defaultValue = "N") String reportedToIrb,
                       @RequestParam(required = false) String reportedOn, @RequestParam(required = false) String correctiveAction,
                       @RequestParam(required = false) String preventiveAction, @RequestParam(required = false) String from,
                       @RequestParam(required = false) String to, @RequestParam(required = false) String site, Principal who,
                       HttpServletRequest request, RedirectAttributes flash) {
        try {
            PdLogEdit edit = new PdLogApiController.EditJson(reportedToIrb, reportedOn, correctiveAction, preventiveAction).edit();
            PdLogEntry e = pdLog.edit(id, fingerprint, edit, who, request.getRemoteAddr());
            flash.addFlashAttribute("message", "PD log entry saved (reported to IRB/EC: " + (e.reportedToIrb() ? "Y" : "N") + ").");
        } catch (PdLogEdit.Invalid e) {
            flash.addFlashAttribute("error", e.getMessage() + "; nothing was saved.");
        }
        // back to the same filtered view, the edited row in sight
        return "redirect:" + UriComponentsBuilder.fromPath("/studies/{id}/pd-log").queryParamIfPresent("from", blank(from))
                .queryParamIfPresent("to", blank(to)).queryParamIfPresent("site", blank(site)).fragment("pd-" + fingerprint.substring(0, Math.min(12, fingerprint.length())))
                .buildAndExpand(id).encode().toUriString();
    }

    private static java.util.Optional<String> blank(String s) {
        return s == null || s.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(s.strip());
    }
}
