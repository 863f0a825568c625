package io.protoguard.security;

import io.protoguard.storage.AppUser;
import io.protoguard.storage.AppUserTable;
import io.protoguard.storage.AuditLog;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Everyone who can sign in: users from configuration first, then users added in the application. */
@Service
public class UserAccounts implements UserDetailsService {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,100}");
    private static final Pattern HASHED = Pattern.compile("\\{(bcrypt|argon2@SpringSecurity_v5_8|pbkdf2@SpringSecurity_v5_8|scrypt@SpringSecurity_v5_8|argon2|pbkdf2|scrypt)}.+");

    /** One account as the users page lists it. */
    public record Account(String username, List<String> roles, String source) {}

    private final ConfiguredUsers configured;
    private final AppUserTable table;
    private final PasswordEncoder encoder;
    private final AuditLog audit;

    public UserAccounts(ConfiguredUsers configured, AppUserTable table, PasswordEncoder encoder, AuditLog audit) {
        this.configured = configured;
        this.table = table;
        this.encoder = encoder;
        this.audit = audit;
        configured.getUsers().forEach((name, u) -> {
            if (u.getPassword() == null || !HASHED.matcher(u.getPassword()).matches()) {
                throw new IllegalStateException("protoguard.security.users." + name + ".password must be a hash such as "
                        + "{bcrypt}$2a$10$...; make one with: protoguard hash-password");
            }
            u.getRoles().forEach(Roles::normalise);
        });
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        ConfiguredUsers.User c = configured.getUsers().get(username);
        if (c != null) return details(username, c.getPassword(), c.getRoles());
        return table.find(username).map(u -> details(u.username(), u.passwordHash(), u.roles()))
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    public List<Account> all() {
        List<Account> all = new ArrayList<>();
        for (Map.Entry<String, ConfiguredUsers.User> e : configured.getUsers().entrySet()) {
            all.add(new Account(e.getKey(), e.getValue().getRoles().stream().map(Roles::normalise).toList(), "configuration"));
        }
        for (AppUser u : table.all()) {
            if (!configured.getUsers().containsKey(u.username())) all.add(new Account(u.username(), u.roles(), "application"));
        }
        return all;
    }

    public boolean anyAdmin() {
        return all().stream().anyMatch(a -> a.roles().contains(Roles.ADMIN));
    }

    public Optional<Account> find(String username) {
        return all().stream().filter(a -> a.username().equals(username)).findFirst();
    }

    /** Adds a user in the application; the password is hashed here and never stored or logged as typed. */
    public void add(String username, String password, String role, String by) {
        if (username == null || !NAME.matcher(username).matches()) {
            throw new IllegalArgumentException("a user name has 1 to 100 letters, digits or . _ @ -");
        }
        if (find(username).isPresent()) throw new IllegalArgumentException("user \"" + username + "\" exists already");
        checkPassword(password);
        table.add(new AppUser(username, encoder.encode(password), List.of(Roles.normalise(role)),
                OffsetDateTime.now(ZoneOffset.UTC), by));
        audit.record(by, AuditLog.USER_ADDED, username + " as " + Roles.normalise(role), null);
    }

    /** Sets a new password for a user added in the application (users from configuration change in configuration). */
    public void setPassword(String username, String password, String by) {
        checkPassword(password);
        if (configured.getUsers().containsKey(username)) {
            throw new IllegalArgumentException("\"" + username + "\" comes from configuration; change its hash there");
        }
        if (!table.setPasswordHash(username, encoder.encode(password))) {
            throw new IllegalArgumentException("no user \"" + username + "\"");
        }
        audit.record(by, AuditLog.PASSWORD_SET, username, null);
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < 12) throw new IllegalArgumentException("a password has at least 12 characters");
    }

    private static UserDetails details(String name, String hash, List<String> roles) {
        return User.withUsername(name).password(hash).roles(roles.stream().map(Roles::normalise).toArray(String[]::new)).build();
    }
}
