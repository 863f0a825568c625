package io.protoguard.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Users from configuration, e.g. {@code protoguard.security.users.alice.password={bcrypt}$2a$10$...} and
 * {@code protoguard.security.users.alice.roles=MONITOR}. Passwords must be hashes ({@code protoguard hash-password}
 * makes one); a plain-text password stops the start with a message saying so.
 */
@ConfigurationProperties("protoguard.security")
public class ConfiguredUsers {
    private Map<String, User> users = new LinkedHashMap<>();

    public Map<String, User> getUsers() {
        return users;
    }

    public void setUsers(Map<String, User> users) {
        this.users = users;
    }

    public static class User {
        private String password;
        private List<String> roles = List.of(Roles.MONITOR);
        private List<String> sites = List.of();

        /** The sites this user may see and upload ({@code protoguard.security.users.alice.sites=XW01,XW02}). */
        public List<String> getSites() {
            return sites;
        }

        public void setSites(List<String> sites) {
            this.sites = sites == null ? List.of() : sites;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public List<String> getRoles() {
            return roles;
        }

        public void setRoles(List<String> roles) {
            this.roles = roles;
        }
    }
}
