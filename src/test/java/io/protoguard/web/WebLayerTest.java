package io.protoguard.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.protoguard.security.SecurityConfig;
import io.protoguard.security.SignInAudit;
import io.protoguard.security.UserAccounts;
import io.protoguard.storage.AppUserTable;
import io.protoguard.storage.AuditLog;
import io.protoguard.storage.RunQueries;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The web layer alone (controllers and security, services mocked): sign-in, roles, CSRF, problem details. */
@WebMvcTest
@Import({SecurityConfig.class, UserAccounts.class, SignInAudit.class, io.protoguard.security.SiteAccess.class})
class WebLayerTest {
    @DynamicPropertySource
    static void users(DynamicPropertyRegistry r) {
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
        r.add("protoguard.security.users.monica.password", () -> "{bcrypt}" + bcrypt.encode("monitor-password-1"));
        r.add("protoguard.security.users.monica.roles", () -> "MONITOR");
        r.add("protoguard.security.users.ada.password", () -> "{bcrypt}" + bcrypt.encode("admin-password-123"));
        r.add("protoguard.security.users.ada.roles", () -> "ADMIN");
    }

    @Autowired
    MockMvc mvc;
    @MockitoBean
    CheckService checks;
    @MockitoBean
    io.protoguard.risk.RiskSignals riskSignals; // central monitoring (RiskWebConfig is not part of the web slice)
    @MockitoBean
    RunQueries runs;
    @MockitoBean
    io.protoguard.storage.NightlyQueries nightly;
    @MockitoBean
    io.protoguard.storage.StudyRegistry studies;
    @MockitoBean
    io.protoguard.storage.DeviationReviews reviews;
    @MockitoBean
    RunDownloads downloads;
    @MockitoBean
    ProtocolCatalog protocols;
    @MockitoBean
    ProtocolTableEditor tableEditor;
    @MockitoBean
    AppUserTable appUsers;
    @MockitoBean
    AuditLog audit;
    @MockitoBean
    io.protoguard.storage.RunDeviationQueries deviationQueries;
    @MockitoBean
    io.protoguard.storage.UploadReviews uploadReviews;
    @MockitoBean
    io.protoguard.storage.ProtocolHints hints;
    @MockitoBean
    io.protoguard.storage.UploadFiles uploadFiles;
    @MockitoBean
    PdLogAccess pdLog; // the PD log's stores are wired by PdLogWebConfig, outside the web slice

    private final MockMultipartFile workbook = new MockMultipartFile("file", "site.xlsx", "application/octet-stream", new byte[] {1, 2});

    @Test
    void pagesNeedSignIn() throws Exception {
        mvc.perform(get("/history")).andExpect(status().isFound()).andExpect(redirectedUrl("http://localhost/login"));
    }

    @Test
    void wrongPasswordIsRefusedAndAudited() throws Exception {
        mvc.perform(formLogin("/login").user("monica").password("wrong"))
                .andExpect(unauthenticated()).andExpect(redirectedUrl("/login?error"));
        verify(audit).record(eq("monica"), eq(AuditLog.SIGN_IN_FAILED), any(), any());
    }

    @Test
    void rightPasswordSignsInAndIsAudited() throws Exception {
        mvc.perform(formLogin("/login").user("monica").password("monitor-password-1"))
                .andExpect(authenticated().withRoles("MONITOR")).andExpect(redirectedUrl("/"));
        verify(audit).record(eq("monica"), eq(AuditLog.SIGN_IN), any(), any());
    }

    @Test
    void monitorCannotReachAdminPagesOrApi() throws Exception {
        mvc.perform(get("/admin/users").with(signedIn("monica"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/admin/users").with(httpBasic("monica", "monitor-password-1")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(403));
        when(appUsers.all()).thenReturn(List.of());
        mvc.perform(get("/api/admin/users").with(httpBasic("ada", "admin-password-123"))).andExpect(status().isOk());
    }

    @Test
    void uploadFormWithoutCsrfTokenIsRefused() throws Exception {
        mvc.perform(multipart("/runs").file(workbook).param("protocol", "sivelestat-evt").with(signedIn("monica")))
                .andExpect(status().isForbidden());
        verify(checks, never()).check(any());
    }

    @Test
    void uploadFormWithCsrfTokenRunsTheCheckAndShowsTheRun() throws Exception {
        when(checks.check(any())).thenReturn(42L);
        mvc.perform(multipart("/runs").file(workbook).param("protocol", "sivelestat-evt").with(csrf()).with(signedIn("monica")))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/runs/42"));
    }

    @Test
    void apiErrorsAreProblemDetails() throws Exception {
        when(runs.run(7L)).thenReturn(Optional.empty());
        mvc.perform(get("/api/runs/7").with(httpBasic("monica", "monitor-password-1")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("No such run"))
                .andExpect(jsonPath("$.detail").value("there is no run 7"));
        mvc.perform(get("/api/runs")).andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", startsWith("Basic")))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    /** A page user who signed in already (the session the form sign-in would have made). */
    private static org.springframework.test.web.servlet.request.RequestPostProcessor signedIn(String name) {
        return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(name)
                .roles(name.equals("ada") ? "ADMIN" : "MONITOR");
    }
}
