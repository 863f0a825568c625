package io.protoguard.web;

import io.protoguard.security.UserAccounts;
import io.protoguard.storage.AuditEvent;
import io.protoguard.storage.AuditLog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** REST API for ADMIN: users and the audit log. */
@RestController
@RequestMapping("/api/admin")
@Tag(name = "admin", description = "Users and audit log (ADMIN)")
public class AdminApiController {
    private final UserAccounts accounts;
    private final AuditLog audit;

    public AdminApiController(UserAccounts accounts, AuditLog audit) {
        this.accounts = accounts;
        this.audit = audit;
    }

    public record NewUser(@NotBlank String username, @NotBlank String password, @NotBlank String role) {}

    @Operation(summary = "All users (from configuration and added here)")
    @GetMapping("/users")
    public List<UserAccounts.Account> users() {
        return accounts.all();
    }

    @Operation(summary = "Add a user")
    @PostMapping("/users")
    @ResponseStatus(HttpStatus.CREATED)
    public UserAccounts.Account add(@Valid @RequestBody NewUser user, Principal who) {
        accounts.add(user.username(), user.password(), user.role(), who.getName());
        return accounts.find(user.username()).orElseThrow();
    }

    @Operation(summary = "The audit log, newest first")
    @GetMapping("/audit")
    public List<AuditEvent> audit(@RequestParam(defaultValue = "200") int limit) {
        return audit.latest(Math.max(1, Math.min(limit, 5000)));
    }
}
