package io.protoguard.security;

import io.protoguard.storage.AppUser;
import io.protoguard.storage.AppUserTable;
import io.protoguard.storage.AuditLog;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Everyone who can sign in: users from configuration first, then users added in the application. An ADMIN manages
 * the latter: password, role, status (disable, enable, remove) and sites; users from configuration change there.
 * Every change that affects signing in publishes {@link AccountChanged}, which ends cached credentials and sessions.
 */
@Service
public class UserAccounts implements UserDetailsService {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,100}");
    private static final Pattern SITE = Pattern.compile("[A-Za-z0-9._-]{1,100}");
    private static final Pattern HASHED = Pattern.compile("\\{(bcrypt|argon2@SpringSecurity_v5_8|pbkdf2@SpringSecurity_v5_8|scrypt@SpringSecurity_v5_8|argon2|pbkdf2|scrypt)}.+");

    /** One account as the users page lists it; status is ACTIVE, DISABLED or REMOVED. */
    public record Account(String username, List<String> roles, String source, String status, List<String> sites) {
        public boolean fromConfiguration() {
            return "configuration".equals(source);
        }
    }

    private final ConfiguredUsers configured;
    private final AppUserTable table;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    public UserAccounts(ConfiguredUsers configured, AppUserTable table, PasswordEncoder encoder, AuditLog audit,
                        ApplicationEventPublisher events) {
        this.configured = configured;
        this.table = table;
        this.encoder = encoder;
        this.audit = audit;
        this.events = events;
        configured.getUsers().forEach((name, u) -> {
            if (u.getPassword() == null || !HASHED.matcher(u.getPassword()).matches()) {
                throw new IllegalStateException("protoguard.security.users." + name + ".password must be a hash such as "
                        + "{bcrypt}$2a$10$...; make one with: protoguard hash-password");
            }
            u.getRoles().forEach(Roles::normalise);
            sites(u.getSites());
        });
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        ConfiguredUsers.User c = configured.getUsers().get(username);
        if (c != null) return details(username, c.getPassword(), c.getRoles(), true);
        return table.find(username).map(u -> details(u.username(), u.passwordHash(), u.roles(), u.active()))
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    public List<Account> all() {
        List<Account> all = new ArrayList<>();
        for (Map.Entry<String, ConfiguredUsers.User> e : configured.getUsers().entrySet()) {
            all.add(new Account(e.getKey(), e.getValue().getRoles().stream().map(Roles::normalise).toList(), "configuration",
                    AppUser.ACTIVE, sites(e.getValue().getSites())));
        }
        for (AppUser u : table.all()) {
            if (!configured.getUsers().containsKey(u.username())) {
                all.add(new Account(u.username(), u.roles(), "application", u.status(), u.sites()));
            }
        }
        return all;
    }

    public boolean anyAdmin() {
        return all().stream().anyMatch(a -> a.roles().contains(Roles.ADMIN) && AppUser.ACTIVE.equals(a.status()));
    }

    public Optional<Account> find(String username) {
        return all().stream().filter(a -> a.username().equals(username)).findFirst();
    }

    /** The sites the user is assigned (none for an unknown user). */
    public List<String> sitesOf(String username) {
        return find(username).map(Account::sites).orElse(List.of());
    }

    /** Adds a user in the application; the password is hashed here and never stored or logged as typed. */
    public void add(String username, String password, String role, String by) {
        add(username, password, role, List.of(), by);
    }

    public void add(String username, String password, String role, Collection<String> sites, String by) {
        if (username == null || !NAME.matcher(username).matches()) {
            throw new IllegalArgumentException("a user name has 1 to 100 letters, digits or . _ @ -");
        }
        if (find(username).isPresent()) {
            throw new IllegalArgumentException("user \"" + username + "\" exists already (a removed user's name is not given again)");
        }
        checkPassword(password);
        List<String> siteList = sites(sites);
        table.add(new AppUser(username, encoder.encode(password), List.of(Roles.normalise(role)),
                OffsetDateTime.now(ZoneOffset.UTC), by, AppUser.ACTIVE, siteList));
        audit.record(by, AuditLog.USER_ADDED, username + " as " + Roles.normalise(role)
                + (siteList.isEmpty() ? "" : ", sites " + String.join(",", siteList)), null);
    }

    /** Sets a new password for a user added in the application (users from configuration change in configuration). */
    public void setPassword(String username, String password, String by) {
        checkPassword(password);
        AppUser u = changeable(username, by, false);
        table.setPasswordHash(u.username(), encoder.encode(password), by);
        audit.record(by, AuditLog.PASSWORD_SET, username, null);
        events.publishEvent(new AccountChanged(username, "password"));
    }

    public void setRole(String username, String role, String by) {
        String r = Roles.normalise(role);
        AppUser u = changeable(username, by, true);
        if (!r.equals(Roles.ADMIN)) keepAnAdmin(u);
        table.setRoles(username, List.of(r), by);
        audit.record(by, AuditLog.USER_CHANGED, username + ": role " + String.join(",", u.roles()) + " -> " + r, null);
        events.publishEvent(new AccountChanged(username, "role"));
    }

    /** ACTIVE, DISABLED or REMOVED. A removed user stays removed: its name belongs to the history. */
    public void setStatus(String username, String status, String by) {
        String s = status == null ? "" : status.trim().toUpperCase(java.util.Locale.ROOT);
        if (!List.of(AppUser.ACTIVE, AppUser.DISABLED, AppUser.REMOVED).contains(s)) {
            throw new IllegalArgumentException("status must be ACTIVE, DISABLED or REMOVED");
        }
        AppUser u = changeable(username, by, true);
        if (AppUser.REMOVED.equals(u.status())) throw new IllegalArgumentException("\"" + username + "\" was removed; add a new user instead");
        if (!AppUser.ACTIVE.equals(s)) keepAnAdmin(u);
        table.setStatus(username, s, by);
        audit.record(by, AuditLog.USER_CHANGED, username + ": " + u.status() + " -> " + s, null);
        events.publishEvent(new AccountChanged(username, "status"));
    }

    public void setSites(String username, Collection<String> sites, String by) {
        List<String> siteList = sites(sites);
        AppUser u = changeable(username, by, false);
        table.setSites(username, siteList, by);
        audit.record(by, AuditLog.USER_CHANGED, username + ": sites " + String.join(",", u.sites()) + " -> "
                + (siteList.isEmpty() ? "(none)" : String.join(",", siteList)), null);
    }

    private AppUser changeable(String username, String by, boolean notSelf) {
        if (configured.getUsers().containsKey(username)) {
            throw new IllegalArgumentException("\"" + username + "\" comes from configuration; change it there");
        }
        AppUser u = table.find(username).orElseThrow(() -> new NoSuchAccount(username));
        if (notSelf && username.equals(by)) {
            throw new IllegalArgumentException("you cannot change your own role or status; ask another ADMIN");
        }
        return u;
    }

    private void keepAnAdmin(AppUser changing) {
        boolean another = all().stream().anyMatch(a -> !a.username().equals(changing.username())
                && a.roles().contains(Roles.ADMIN) && AppUser.ACTIVE.equals(a.status()));
        if (changing.roles().contains(Roles.ADMIN) && !another) {
            throw new IllegalArgumentException("\"" + changing.username() + "\" is the only active ADMIN; make another ADMIN first");
        }
    }

    /** Site codes as Subjects.Site holds them: trimmed, de-duplicated, sorted. */
    static List<String> sites(Collection<String> sites) {
        if (sites == null) return List.of();
        List<String> clean = sites.stream().map(String::trim).filter(s -> !s.isEmpty()).distinct().sorted().toList();
        for (String s : clean) {
            if (!SITE.matcher(s).matches()) throw new IllegalArgumentException("site \"" + s + "\" is not a site code (letters, digits, . _ -)");
        }
        return clean;
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < 12) throw new IllegalArgumentException("a password has at least 12 characters");
    }

    private static UserDetails details(String name, String hash, List<String> roles, boolean enabled) {
        return User.withUsername(name).password(hash).roles(roles.stream().map(Roles::normalise).toArray(String[]::new))
                .disabled(!enabled).build();
    }

    /** No user of that name in the application. */
    public static final class NoSuchAccount extends IllegalArgumentException {
        public NoSuchAccount(String username) {
            super("no user \"" + username + "\"");
        }
    }
}
