package io.protoguard.web;

import java.io.IOException;
import java.security.Principal;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The protocols: version, table hash, problems; the blank workbook of each; a reload for authors. */
@Controller
public class ProtocolPageController {
    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final ProtocolCatalog protocols;

    public ProtocolPageController(ProtocolCatalog protocols) {
        this.protocols = protocols;
    }

    @GetMapping("/protocols")
    public String list(Model model) {
        model.addAttribute("protocols", protocols.all());
        return "protocols";
    }

    @GetMapping("/protocols/{id}/template.xlsx")
    public ResponseEntity<byte[]> template(@PathVariable String id) throws IOException {
        return template(protocols, id);
    }

    static ResponseEntity<byte[]> template(ProtocolCatalog protocols, String id) throws IOException {
        var p = protocols.get(id);
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(p.info().id() + "-" + p.info().version() + "-data-template.xlsx").build().toString())
                .body(BlankTemplate.of(p));
    }

    /** Recompiles now if the tables changed (an upload would too); the audit log records a change. */
    @PostMapping("/protocols/{id}/reload")
    public String reload(@PathVariable String id, Principal who, RedirectAttributes flash) {
        ProtocolCatalog.Entry e = protocols.entry(id);
        flash.addFlashAttribute("message", e.ok()
                ? id + " version " + e.loaded().info().version() + " is loaded (tables " + e.loaded().contentHash().substring(0, 12) + ")."
                : id + " has " + e.problems().size() + " problem(s); uploads against it are refused until they are fixed.");
        return "redirect:/protocols";
    }
}
