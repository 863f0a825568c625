package io.protoguard.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

/** The start page: pick a protocol, upload a workbook; a bad request comes back to this page with its reason. */
@Controller
public class UploadPageController {
    private final ProtocolCatalog protocols;
    private final CheckService checks;
    private final UploadLimits limits;

    private final io.protoguard.security.SiteAccess access;

    public UploadPageController(ProtocolCatalog protocols, CheckService checks, UploadLimits limits,
                                io.protoguard.security.SiteAccess access) {
        this.access = access;
        this.protocols = protocols;
        this.checks = checks;
        this.limits = limits;
    }

    @GetMapping("/login")
    public String login() {
        return "login";
    }

    @GetMapping("/")
    public String uploadPage(@RequestParam(required = false) String tooLarge, Model model, HttpServletRequest request) {
        if (tooLarge != null) model.addAttribute("error", limits.tooLargeMessage());
        return fill(model, LastProtocol.of(request), null, null);
    }

    @PostMapping("/runs")
    public ModelAndView upload(@RequestParam(required = false) String protocol,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                               @RequestParam(required = false) String timeZone,
                               @RequestParam(required = false) MultipartFile file, Principal who, HttpServletRequest request,
                               jakarta.servlet.http.HttpServletResponse response, Model model) throws IOException {
        String problem = null;
        HttpStatus status = HttpStatus.BAD_REQUEST;
        if (file == null || file.isEmpty()) problem = "Choose a workbook (.xlsx) or a .zip of CSV files to upload.";
        else if (protocol == null || protocol.isBlank()) problem = "Choose a protocol.";
        if (problem == null) {
            try (InputStream in = file.getInputStream()) {
                long runId = checks.check(new CheckService.Request(who.getName(), request.getRemoteAddr(), protocol, asOf,
                        timeZone, file.getOriginalFilename(), in, access.scopeOf(who)));
                LastProtocol.remember(response, protocol);
                return new ModelAndView("redirect:/runs/" + runId);
            } catch (ProtocolCatalog.UnknownProtocol | CheckService.BadRequest e) {
                problem = e.getMessage();
            } catch (CheckService.Unreadable e) {
                problem = "Nothing was stored: " + e.getMessage() + ".";
                status = HttpStatus.UNPROCESSABLE_ENTITY;
            } catch (CheckService.SitesNotAssigned e) {
                problem = "Not allowed: " + e.getMessage() + ".";
                status = HttpStatus.FORBIDDEN;
            } catch (ProtocolCatalog.BrokenProtocol e) {
                problem = "Protocol " + protocol + " cannot be used right now: its tables have problems (see Protocols).";
            }
        }
        model.addAttribute("error", problem);
        fill(model, protocol, asOf, timeZone);
        ModelAndView mv = new ModelAndView("upload", model.asMap());
        mv.setStatus(status);
        return mv;
    }

    private String fill(Model model, String protocol, LocalDate asOf, String timeZone) {
        model.addAttribute("protocols", protocols.all());
        model.addAttribute("selectedProtocol", protocol);
        model.addAttribute("asOf", asOf != null ? asOf : LocalDate.now(ZoneOffset.UTC));
        model.addAttribute("timeZone", timeZone != null && !timeZone.isBlank() ? timeZone : "UTC");
        model.addAttribute("maxSize", limits.maxSize());
        return "upload";
    }
}
