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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The protocols: version, table hash, problems; the blank workbook of each; a reload for authors. */
@Controller
public class ProtocolPageController {
    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final ProtocolCatalog protocols;
    private final ProtocolTableEditor editor;

    public ProtocolPageController(ProtocolCatalog protocols, ProtocolTableEditor editor) {
        this.protocols = protocols;
        this.editor = editor;
    }

    @GetMapping("/protocols")
    public String list(Model model) {
        model.addAttribute("protocols", protocols.all());
        model.addAttribute("tables", protocols.ids().stream().collect(java.util.stream.Collectors.toMap(id -> id, editor::tables)));
        return "protocols";
    }

    /** One rule of the rules page: what it checks in words, its citation, and the cited sentence in its context. */
    public record RuleLine(String ruleId, String kind, String severity, String words, String citation, String citationSource,
                           String context) {}

    /** The protocol's rules as a readable list; each deviation's rule links here (#rule-ID). */
    @GetMapping("/protocols/{id}/rules")
    public String rules(@PathVariable String id, Model model) {
        io.protoguard.protocol.LoadedProtocol p = protocols.get(id).latest();
        java.util.Optional<ProtocolDocument> doc = ProtocolDocument.of(protocols.home(), id);
        model.addAttribute("protocol", p.info());
        model.addAttribute("document", doc.isPresent());
        model.addAttribute("rules", p.rules().stream().map(r -> new RuleLine(r.ruleId(),
                r.getClass().getSimpleName().replace("Rule", ""), r.severity() == null ? "" : r.severity().name(),
                RuleInWords.of(r), r.citation(), r.citationSource() == null ? "" : r.citationSource().name(),
                doc.map(d -> d.context(r.citation())).orElse(null))).toList());
        return "rules";
    }

    /** The protocol's own text, when it is on this machine. */
    @GetMapping(value = "/protocols/{id}/document", produces = "text/plain;charset=UTF-8")
    @org.springframework.web.bind.annotation.ResponseBody
    public String document(@PathVariable String id) {
        protocols.get(id); // an unknown protocol answers as such
        return ProtocolDocument.of(protocols.home(), id).map(ProtocolDocument::text)
                .orElseThrow(() -> new NightlyPageController.NotFound("protocol " + id + " has no document on this server"));
    }

    /** AUTHOR: replace one table; refused, with the problems by file, sheet and cell, when the protocol would not compile. */
    @PostMapping("/protocols/{id}/tables")
    public String replaceTable(@PathVariable String id, @RequestParam String table, @RequestParam MultipartFile file,
                               Principal who, HttpServletRequest request, RedirectAttributes flash) throws IOException {
        try (var in = file.getInputStream()) {
            ProtocolTableEditor.Outcome o = editor.replace(id, table, in, who.getName(), request.getRemoteAddr());
            if (o.replaced()) flash.addFlashAttribute("message", "Table " + table + " of " + id + " replaced; it counts from the next upload.");
            else flash.addFlashAttribute("problems", o.problems());
        } catch (CheckService.BadRequest e) {
            flash.addFlashAttribute("problems", java.util.List.of(e.getMessage()));
        }
        return "redirect:/protocols";
    }

    @GetMapping("/protocols/{id}/template.xlsx")
    public ResponseEntity<byte[]> template(@PathVariable String id) throws IOException {
        return template(protocols, id);
    }

    static ResponseEntity<byte[]> template(ProtocolCatalog protocols, String id) throws IOException {
        var p = protocols.get(id);
        var out = new java.io.ByteArrayOutputStream();
        io.protoguard.template.TemplateWriter.write(p, out);
        var info = p.latest().info();
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(info.id() + "-" + info.version() + "-data-template.xlsx").build().toString())
                .body(out.toByteArray());
    }

    /** Recompiles now if the tables changed (an upload would too); the audit log records a change. */
    @PostMapping("/protocols/{id}/reload")
    public String reload(@PathVariable String id, Principal who, RedirectAttributes flash) {
        ProtocolCatalog.Entry e = protocols.entry(id);
        flash.addFlashAttribute("message", e.ok()
                ? id + " version " + e.loaded().info().version() + " is loaded (tables " + e.versions().contentHash().substring(0, 12) + ")."
                : id + " has " + e.problems().size() + " problem(s); uploads against it are refused until they are fixed.");
        return "redirect:/protocols";
    }
}
