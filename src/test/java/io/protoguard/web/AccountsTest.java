package io.protoguard.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.protoguard.storage.AuditEvent;
import io.protoguard.storage.AuditLog;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Accounts an ADMIN manages, with immediate effect: throttled sign-in with an ADMIN-liftable lock and counted audit
 * entries; disable, new password, role change and removal end cached API sign-ins and browser sessions at once.
 */
class AccountsTest extends WebServiceTestBase {
    final ObjectMapper json = new ObjectMapper();
    @Autowired
    AuditLog audit;

    HttpResponse<String> admin(String method, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", basic(ADMIN, ADMIN_PASSWORD))
                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    void addUser(String name, String password, String role) throws Exception {
        HttpResponse<String> r = admin("POST", "/api/admin/users", "{\"username\":\"" + name + "\",\"password\":\"" + password
                + "\",\"role\":\"" + role + "\",\"sites\":[\"XW01\"]}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }

    List<AuditEvent> auditOf(String actor, String action) {
        return audit.latest(500).stream().filter(e -> e.actor().equals(actor) && e.action().equals(action)).toList();
    }

    @Test
    void repeatedFailuresLockTheAccountUntilAnAdminLiftsIt() throws Exception {
        addUser("tess", "tess-password-123", "MONITOR");
        for (int i = 0; i < 5; i++) assertThat(get("/api/runs", "tess", "wrong-password-" + i).statusCode()).isEqualTo(401);
        for (int i = 0; i < 25; i++) {
            HttpResponse<String> locked = get("/api/runs", "tess", i % 5 == 0 ? "tess-password-123" : "wrong-again-" + i);
            assertThat(locked.statusCode()).as("attempt %d while locked", i).isEqualTo(429);
        }
        HttpResponse<String> locked = get("/api/runs", "tess", "tess-password-123");
        assertThat(locked.headers().firstValue("Retry-After")).isPresent();
        assertThat(json.readTree(locked.body()).get("detail").asText()).contains("too many failed sign-ins");
        assertThat(auditOf("tess", AuditLog.SIGN_IN_FAILED)).hasSize(4)
                .allMatch(e -> e.detail().equals("wrong user name or password"));
        assertThat(auditOf("tess", AuditLog.SIGN_IN_LOCKED)).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("account tess").contains("after 5 failed sign-ins").contains("127.0.0.1"));

        assertThat(admin("GET", "/api/admin/sign-in-locks", "").body()).contains("\"key\":\"tess\"");
        assertThat(admin("DELETE", "/api/admin/sign-in-locks?kind=ACCOUNT&key=tess", "").statusCode()).isEqualTo(204);
        assertThat(audit.latest(500)).anyMatch(e -> e.action().equals(AuditLog.SIGN_IN_UNLOCKED) && e.detail().contains("tess")
                && e.detail().contains("lifted by " + ADMIN) && e.detail().contains("26 attempt(s) refused"));
        assertThat(get("/api/runs", "tess", "tess-password-123").statusCode()).isEqualTo(200);
        assertThat(audit.latest(500)).noneMatch(e -> e.detail().contains("Exception"));
    }

    @Test
    void disablingEndsApiAccessAndTheBrowserSessionAtOnce() throws Exception {
        addUser("dora", "dora-password-123", "MONITOR");
        assertThat(get("/api/runs", "dora", "dora-password-123").statusCode()).isEqualTo(200); // now in the credential cache
        Session browser = new Session();
        assertThat(browser.signIn("dora", "dora-password-123")).doesNotContain("error");
        assertThat(browser.get("/history").statusCode()).isEqualTo(200);

        assertThat(admin("PUT", "/api/admin/users/dora/status", "{\"status\":\"DISABLED\"}").statusCode()).isEqualTo(200);
        assertThat(get("/api/runs", "dora", "dora-password-123").statusCode()).isEqualTo(401);
        HttpResponse<String> page = browser.get("/history");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).get().asString().contains("/login");

        assertThat(admin("PUT", "/api/admin/users/dora/status", "{\"status\":\"ACTIVE\"}").statusCode()).isEqualTo(200);
        assertThat(get("/api/runs", "dora", "dora-password-123").statusCode()).isEqualTo(200);
    }

    @Test
    void aNewPasswordCountsAtOnceAndEndsTheSession() throws Exception {
        addUser("paul", "paul-password-123", "MONITOR");
        assertThat(get("/api/runs", "paul", "paul-password-123").statusCode()).isEqualTo(200);
        Session browser = new Session();
        browser.signIn("paul", "paul-password-123");
        assertThat(admin("POST", "/api/admin/users/paul/password", "{\"password\":\"paul-new-password-1\"}").statusCode()).isEqualTo(200);
        assertThat(get("/api/runs", "paul", "paul-password-123").statusCode()).isEqualTo(401);
        assertThat(get("/api/runs", "paul", "paul-new-password-1").statusCode()).isEqualTo(200);
        assertThat(browser.get("/history").statusCode()).isEqualTo(302);
    }

    @Test
    void aRoleChangeCountsAtOnce() throws Exception {
        addUser("rita", "rita-password-123", "MONITOR");
        assertThat(get("/api/admin/users", "rita", "rita-password-123").statusCode()).isEqualTo(403);
        assertThat(admin("PUT", "/api/admin/users/rita/role", "{\"role\":\"ADMIN\"}").statusCode()).isEqualTo(200);
        assertThat(get("/api/admin/users", "rita", "rita-password-123").statusCode()).isEqualTo(200);
        assertThat(admin("PUT", "/api/admin/users/rita/role", "{\"role\":\"MONITOR\"}").statusCode()).isEqualTo(200);
        assertThat(get("/api/admin/users", "rita", "rita-password-123").statusCode()).isEqualTo(403);
        assertThat(audit.latest(50)).anyMatch(e -> e.action().equals(AuditLog.USER_CHANGED) && e.detail().contains("rita: role MONITOR -> ADMIN"));
    }

    @Test
    void aRemovedUserIsKeptButCanNeverSignInAndItsNameIsNotGivenAgain() throws Exception {
        addUser("remy", "remy-password-123", "MONITOR");
        assertThat(get("/api/runs", "remy", "remy-password-123").statusCode()).isEqualTo(200);
        HttpResponse<String> removed = admin("DELETE", "/api/admin/users/remy", "");
        assertThat(json.readTree(removed.body()).get("status").asText()).isEqualTo("REMOVED");
        assertThat(get("/api/runs", "remy", "remy-password-123").statusCode()).isEqualTo(401);
        HttpResponse<String> again = admin("POST", "/api/admin/users", "{\"username\":\"remy\",\"password\":\"another-password-1\",\"role\":\"MONITOR\"}");
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(json.readTree(again.body()).get("detail").asText()).contains("exists already");
        assertThat(admin("PUT", "/api/admin/users/remy/status", "{\"status\":\"ACTIVE\"}").statusCode()).isEqualTo(400);
        assertThat(admin("PUT", "/api/admin/users/nobody/role", "{\"role\":\"ADMIN\"}").statusCode()).isEqualTo(404);
    }

    @Test
    void usersFromConfigurationAndTheOnlyAdminAreProtected() throws Exception {
        HttpResponse<String> r = admin("PUT", "/api/admin/users/" + MONITOR + "/status", "{\"status\":\"DISABLED\"}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json.readTree(r.body()).get("detail").asText()).contains("comes from configuration");
    }
}
