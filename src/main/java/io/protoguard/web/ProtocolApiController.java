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

    public ProtocolApiController(ProtocolCatalog protocols) {
        this.protocols = protocols;
    }

    public record ProtocolSummary(String id, String title, String version, LocalDate effectiveDate, String contentHash,
                                  boolean usable, List<String> problems) {
        static ProtocolSummary of(ProtocolCatalog.Entry e) {
            if (!e.ok()) return new ProtocolSummary(e.id(), null, null, null, null, false, e.problems());
            var i = e.loaded().info();
            return new ProtocolSummary(i.id(), i.title(), i.version(), i.effectiveDate(), e.loaded().contentHash(), true, List.of());
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
