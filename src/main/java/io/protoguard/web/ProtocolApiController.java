package io.protoguard.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** REST API for protocols: the list (with problems of broken ones), the blank workbook, a reload (AUTHOR). */
@RestController
@RequestMapping("/api/protocols")
@Tag(name = "protocols", description = "The protocols the service checks against")
public class ProtocolApiController {
    private final ProtocolCatalog protocols;
    private final ProtocolTableEditor editor;

    public ProtocolApiController(ProtocolCatalog protocols, ProtocolTableEditor editor) {
        this.protocols = protocols;
        this.editor = editor;
    }

    @Operation(summary = "Replace one decision table (AUTHOR)", description = "The protocol is compiled with the new table "
            + "first; when it does not compile, nothing changes and the answer is 422 with the problems by file, sheet and cell.")
    @PostMapping(value = "/{id}/tables/{table}", consumes = org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<?> replaceTable(@PathVariable String id, @PathVariable String table,
                                          @org.springframework.web.bind.annotation.RequestPart org.springframework.web.multipart.MultipartFile file,
                                          java.security.Principal who, jakarta.servlet.http.HttpServletRequest request) throws IOException {
        try (var in = file.getInputStream()) {
            ProtocolTableEditor.Outcome o = editor.replace(id, table, in, who.getName(), request.getRemoteAddr());
            if (o.replaced()) return ResponseEntity.ok(ProtocolSummary.of(protocols.entry(id)));
            var problem = org.springframework.http.ProblemDetail.forStatusAndDetail(org.springframework.http.HttpStatus.UNPROCESSABLE_ENTITY,
                    "the protocol does not compile with this table; nothing was changed");
            problem.setTitle("Table refused");
            problem.setProperty("problems", o.problems());
            return ResponseEntity.unprocessableEntity().body(problem);
        }
    }

    public record ProtocolSummary(String id, String title, String version, LocalDate effectiveDate, String contentHash,
                                  boolean usable, List<String> problems) {
        static ProtocolSummary of(ProtocolCatalog.Entry e) {
            if (!e.ok()) return new ProtocolSummary(e.id(), null, null, null, null, false, e.problems());
            var i = e.loaded().info();
            return new ProtocolSummary(i.id(), i.title(), i.version(), i.effectiveDate(), e.versions().contentHash(), true, List.of());
        }
    }

    @Operation(summary = "All protocols")
    @GetMapping
    public List<ProtocolSummary> list() {
        return protocols.all().stream().map(ProtocolSummary::of).toList();
    }

    @Operation(summary = "The blank data workbook of a protocol (.xlsx)")
    @GetMapping("/{id}/template")
    public ResponseEntity<byte[]> template(@PathVariable String id) throws IOException {
        return ProtocolPageController.template(protocols, id);
    }

    @Operation(summary = "Recompile the protocol if its tables changed (AUTHOR)")
    @PostMapping("/{id}/reload")
    public ProtocolSummary reload(@PathVariable String id) {
        return ProtocolSummary.of(protocols.entry(id));
    }
}
