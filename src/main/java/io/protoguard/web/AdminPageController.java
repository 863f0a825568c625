package io.protoguard.web;

import io.protoguard.security.Roles;
import io.protoguard.security.SignInThrottle;
import io.protoguard.security.UserAccounts;
import io.protoguard.storage.AuditLog;
import java.security.Principal;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** ADMIN pages: users (add; password, role, status, sites), sign-in locks, and the audit log. */
@Controller
public class AdminPageController {
    private final UserAccounts accounts;
    private final AuditLog audit;
    private final SignInThrottle throttle;

    public AdminPageController(UserAccounts accounts, AuditLog audit, SignInThrottle throttle) {
        this.accounts = accounts;
        this.audit = audit;
        this.throttle = throttle;
    }

    @GetMapping("/admin/users")
    public String users(Model model) {
        model.addAttribute("users", accounts.all());
        model.addAttribute("roles", Roles.ALL);
        model.addAttribute("locks", throttle.locks());
        return "users";
    }

    /** One change, reported back on the users page: its confirmation, or why it was refused. */
    private interface Change {
        void apply();
    }

    private static String run(Change change, String done, RedirectAttributes flash) {
        try {
            change.apply();
            flash.addFlashAttribute("message", done);
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/users";
    }

    static List<String> siteList(String sites) {
        return sites == null ? List.of() : Arrays.stream(sites.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
    }

    @PostMapping("/admin/users")
    public String add(@RequestParam String username, @RequestParam String password, @RequestParam String role,
                      @RequestParam(required = false) String sites, Principal who, RedirectAttributes flash) {
        return run(() -> accounts.add(username, password, role, siteList(sites), who.getName()),
                "User " + username + " added as " + role + ".", flash);
    }

    @PostMapping("/admin/users/{username}/password")
    public String password(@PathVariable String username, @RequestParam String password, Principal who, RedirectAttributes flash) {
        return run(() -> accounts.setPassword(username, password, who.getName()), "Password of " + username + " changed.", flash);
    }

    @PostMapping("/admin/users/{username}/role")
    public String role(@PathVariable String username, @RequestParam String role, Principal who, RedirectAttributes flash) {
        return run(() -> accounts.setRole(username, role, who.getName()), "Role of " + username + " set to " + role + ".", flash);
    }

    @PostMapping("/admin/users/{username}/status")
    public String status(@PathVariable String username, @RequestParam String status, Principal who, RedirectAttributes flash) {
        return run(() -> accounts.setStatus(username, status, who.getName()), "User " + username + " is now " + status + ".", flash);
    }

    @PostMapping("/admin/users/{username}/sites")
    public String sites(@PathVariable String username, @RequestParam(defaultValue = "") String sites, Principal who,
                        RedirectAttributes flash) {
        return run(() -> accounts.setSites(username, siteList(sites), who.getName()), "Sites of " + username + " saved.", flash);
    }

    @PostMapping("/admin/sign-in-locks")
    public String lift(@RequestParam SignInThrottle.Kind kind, @RequestParam String key, Principal who, RedirectAttributes flash) {
        flash.addFlashAttribute("message", throttle.lift(kind, key, who.getName())
                ? "Lock of " + kind.name().toLowerCase() + " " + key + " lifted." : "There was no lock of " + key + ".");
        return "redirect:/admin/users";
    }

    @GetMapping("/admin/audit")
    public String audit(@org.springframework.web.bind.annotation.RequestParam(required = false) String action,
                        @org.springframework.web.bind.annotation.RequestParam(required = false) String actor,
                        @org.springframework.web.bind.annotation.RequestParam(required = false) Integer page,
                        @org.springframework.web.bind.annotation.RequestParam(required = false) Integer size,
                        @org.springframework.web.bind.annotation.RequestParam(required = false) String sort,
                        @org.springframework.web.bind.annotation.RequestParam(required = false) String dir, Model model) {
        io.protoguard.storage.Paging.Request request = io.protoguard.storage.Paging.Request.of(page, size,
                "id", sort == null ? "desc" : dir);
        model.addAttribute("events", audit.page(action, actor, request));
        model.addAttribute("actions", audit.actions());
        model.addAttribute("action", action);
        model.addAttribute("actor", actor);
        model.addAttribute("pager", new Pager("/admin/audit", request, java.util.Map.of("action", action == null ? "" : action,
                "actor", actor == null ? "" : actor)));
        return "audit";
    }
}
