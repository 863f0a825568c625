package io.protoguard.web;

import io.protoguard.security.Roles;
import io.protoguard.security.UserAccounts;
import io.protoguard.storage.AuditLog;
import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** ADMIN pages: users (list, add, set a password) and the audit log. */
@Controller
public class AdminPageController {
    private final UserAccounts accounts;
    private final AuditLog audit;

    public AdminPageController(UserAccounts accounts, AuditLog audit) {
        this.accounts = accounts;
        this.audit = audit;
    }

    @GetMapping("/admin/users")
    public String users(Model model) {
        model.addAttribute("users", accounts.all());
        model.addAttribute("roles", Roles.ALL);
        return "users";
    }

    @PostMapping("/admin/users")
    public String add(@RequestParam String username, @RequestParam String password, @RequestParam String role, Principal who,
                      RedirectAttributes flash) {
        try {
            accounts.add(username, password, role, who.getName());
            flash.addFlashAttribute("message", "User " + username + " added as " + role + ".");
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/users";
    }

    @PostMapping("/admin/users/{username}/password")
    public String password(@PathVariable String username, @RequestParam String password, Principal who,
                           RedirectAttributes flash) {
        try {
            accounts.setPassword(username, password, who.getName());
            flash.addFlashAttribute("message", "Password of " + username + " changed.");
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/users";
    }

    @GetMapping("/admin/audit")
    public String audit(Model model) {
        model.addAttribute("events", audit.latest(500));
        return "audit";
    }
}
