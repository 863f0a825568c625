package io.protoguard.security;

import io.protoguard.storage.AppUser;
import io.protoguard.storage.AppUserTable;
import io.protoguard.storage.AuditLog;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * On the first start (no ADMIN anywhere) creates user {@code admin} with a random password and prints it once
 * on standard output. Only its hash is stored, so it can never be shown again; the next start finds the admin.
 */
@Component
public class FirstRunAdmin implements ApplicationRunner {
    private final UserAccounts accounts;
    private final AppUserTable table;
    private final PasswordEncoder encoder;
    private final AuditLog audit;

    public FirstRunAdmin(UserAccounts accounts, AppUserTable table, PasswordEncoder encoder, AuditLog audit) {
        this.accounts = accounts;
        this.table = table;
        this.encoder = encoder;
        this.audit = audit;
    }

    @Override
    public void run(ApplicationArguments args) {
        Created admin = createIfNoAdmin();
        if (admin == null) return;
        System.out.println();
        System.out.println("protoguard: first start: created user \"" + admin.username() + "\" (role ADMIN) with password");
        System.out.println();
        System.out.println("    " + admin.password());
        System.out.println();
        System.out.println("protoguard: this password is shown only now; sign in and keep it, or add users in configuration.");
        System.out.println();
        System.out.flush();
    }

    record Created(String username, String password) {}

    /** Returns the new admin and its password, or null when an ADMIN exists already. */
    Created createIfNoAdmin() {
        if (accounts.anyAdmin()) return null;
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String name = accounts.find("admin").isPresent() ? "admin-" + System.currentTimeMillis() : "admin";
        table.add(new AppUser(name, encoder.encode(password), List.of(Roles.ADMIN), OffsetDateTime.now(ZoneOffset.UTC), "first start"));
        audit.record("system", AuditLog.USER_ADDED, name + " as ADMIN (first start, password printed once)", null);
        return new Created(name, password);
    }
}
