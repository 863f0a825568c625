package io.protoguard.web;

import io.protoguard.security.SignInThrottle;
import io.protoguard.security.UserAccounts;
import io.protoguard.storage.AppUser;
import io.protoguard.storage.AuditEvent;
import io.protoguard.storage.AuditLog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST API for ADMIN: users (add, password, role, status, sites; "delete" removes for good but keeps the row, since
 * the name is in the append-only history), sign-in locks, and the audit log.
 */
@RestController
@RequestMapping("/api/admin")
@Tag(name = "admin", description = "Users, sign-in locks and audit log (ADMIN)")
public class AdminApiController {
    private final UserAccounts accounts;
    private final AuditLog audit;
    private final SignInThrottle throttle;

    public AdminApiController(UserAccounts accounts, AuditLog audit, SignInThrottle throttle) {
        this.accounts = accounts;
        this.audit = audit;
        this.throttle = throttle;
    }

    public record NewUser(@NotBlank String username, @NotBlank String password, @NotBlank String role, List<String> sites) {}

    public record Password(@NotBlank String password) {}

    public record Role(@NotBlank String role) {}

    public record Status(@NotBlank String status) {}

    public record Sites(List<String> sites) {}

    @Operation(summary = "All users (from configuration and added here)")
    @GetMapping("/users")
    public List<UserAccounts.Account> users() {
        return accounts.all();
    }

    @Operation(summary = "Add a user")
    @PostMapping("/users")
    @ResponseStatus(HttpStatus.CREATED)
    public UserAccounts.Account add(@Valid @RequestBody NewUser user, Principal who) {
        accounts.add(user.username(), user.password(), user.role(), user.sites() == null ? List.of() : user.sites(), who.getName());
        return account(user.username());
    }

    @Operation(summary = "Set a user's password (ends its sessions and cached API sign-ins)")
    @PostMapping("/users/{username}/password")
    public UserAccounts.Account password(@PathVariable String username, @Valid @RequestBody Password p, Principal who) {
        accounts.setPassword(username, p.password(), who.getName());
        return account(username);
    }

    @Operation(summary = "Set a user's role: MONITOR, AUTHOR or ADMIN (ends its sessions and cached API sign-ins)")
    @PutMapping("/users/{username}/role")
    public UserAccounts.Account role(@PathVariable String username, @Valid @RequestBody Role r, Principal who) {
        accounts.setRole(username, r.role(), who.getName());
        return account(username);
    }

    @Operation(summary = "Set a user's status: ACTIVE, DISABLED or REMOVED (takes effect at once)")
    @PutMapping("/users/{username}/status")
    public UserAccounts.Account status(@PathVariable String username, @Valid @RequestBody Status s, Principal who) {
        accounts.setStatus(username, s.status(), who.getName());
        return account(username);
    }

    @Operation(summary = "Set the sites a user may see and upload")
    @PutMapping("/users/{username}/sites")
    public UserAccounts.Account sites(@PathVariable String username, @RequestBody Sites s, Principal who) {
        accounts.setSites(username, s.sites() == null ? List.of() : s.sites(), who.getName());
        return account(username);
    }

    @Operation(summary = "Remove a user for good", description = "The row stays with status REMOVED: the name is the actor of "
            + "audit entries, runs and reviews, which are append-only, so it is never given to another user.")
    @DeleteMapping("/users/{username}")
    public UserAccounts.Account remove(@PathVariable String username, Principal who) {
        accounts.setStatus(username, AppUser.REMOVED, who.getName());
        return account(username);
    }

    @Operation(summary = "Current sign-in locks (accounts and addresses)")
    @GetMapping("/sign-in-locks")
    public List<SignInThrottle.Lock> locks() {
        return throttle.locks();
    }

    @Operation(summary = "Lift a sign-in lock", description = "kind: ACCOUNT or ADDRESS; key: the user name or the address")
    @DeleteMapping("/sign-in-locks")
    public ResponseEntity<Void> lift(@RequestParam SignInThrottle.Kind kind, @RequestParam String key, Principal who) {
        if (!throttle.lift(kind, key, who.getName())) {
            throw new org.springframework.web.server.ResponseStatusException(HttpStatus.NOT_FOUND,
                    "there is no sign-in lock of " + kind.name().toLowerCase(java.util.Locale.ROOT) + " " + key);
        }
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "One page of the audit log, newest first (dir=asc: oldest first), with the total",
            description = "page counts from 1; size 1..500 (default 50); action and actor (contains) narrow it")
    @GetMapping(value = "/audit", params = "page")
    public io.protoguard.storage.Paging.Page<AuditEvent> auditPage(@RequestParam int page,
            @RequestParam(required = false) Integer size, @RequestParam(required = false) String dir,
            @RequestParam(required = false) String action, @RequestParam(required = false) String actor) {
        return audit.page(action, actor, io.protoguard.storage.Paging.Request.of(page, size, "id", dir == null ? "desc" : dir));
    }

    @Operation(summary = "The audit log, newest first")
    @GetMapping("/audit")
    public List<AuditEvent> audit(@RequestParam(defaultValue = "200") int limit) {
        return audit.latest(Math.max(1, Math.min(limit, 5000)));
    }

    private UserAccounts.Account account(String username) {
        return accounts.find(username).orElseThrow(() -> new UserAccounts.NoSuchAccount(username));
    }
}
