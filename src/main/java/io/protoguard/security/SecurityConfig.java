package io.protoguard.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.protoguard.storage.AuditLog;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.session.HttpSessionEventPublisher;

/**
 * Two filter chains: the REST API under /api with HTTP basic, no session and no CSRF token (nothing is sent
 * automatically by a browser without a session cookie); the pages with form sign-in, a session and CSRF tokens on
 * every form. Both check passwords behind the same {@link SignInThrottle}. Roles nest: ADMIN includes AUTHOR includes
 * MONITOR. The OpenAPI description and Swagger UI are pages like any other: signed in only.
 */
@Configuration
@EnableConfigurationProperties(ConfiguredUsers.class)
public class SecurityConfig {

    @Bean
    public PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder(); // bcrypt for new hashes
    }

    @Bean
    public static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix().role(Roles.ADMIN).implies(Roles.AUTHOR)
                .role(Roles.AUTHOR).implies(Roles.MONITOR).build();
    }

    @Bean
    DaoAuthenticationProvider passwordCheck(UserAccounts users, PasswordEncoder encoder) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(encoder);
        passwords.setUserDetailsService(users);
        return passwords;
    }

    @Bean
    RecentCredentials recentCredentials(DaoAuthenticationProvider passwordCheck,
                                        @Value("${protoguard.security.api-credentials-ttl:60s}") Duration ttl) {
        return new RecentCredentials(passwordCheck, ttl, Clock.systemUTC());
    }

    @Bean
    public SignInThrottle signInThrottle(AuditLog audit,
                                         @Value("${protoguard.security.sign-in.account-failures:5}") int accountLimit,
                                         @Value("${protoguard.security.sign-in.address-failures:20}") int addressLimit,
                                         @Value("${protoguard.security.sign-in.first-lock:30s}") Duration firstLock,
                                         @Value("${protoguard.security.sign-in.longest-lock:30m}") Duration longestLock) {
        SignInThrottle throttle = new SignInThrottle(audit, Clock.systemUTC(), accountLimit, addressLimit, firstLock, longestLock);
        ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sign-in-lock-sweeper");
            t.setDaemon(true);
            return t;
        });
        sweeper.scheduleWithFixedDelay(throttle::sweep, 5, 5, TimeUnit.SECONDS); // writes "lock ended" when a lock runs out
        return throttle;
    }

    @Bean
    public SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    @Bean
    public static HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher(); // tells the session registry when a session ends
    }

    @Bean
    @Order(1)
    public SecurityFilterChain api(HttpSecurity http, ObjectMapper json, SignInThrottle throttle,
                                   RecentCredentials recentCredentials) throws Exception {
        http.securityMatcher("/api/**")
                .authenticationManager(new ProviderManager(new ThrottledSignIn(throttle, recentCredentials)))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/api/admin/**").hasRole(Roles.ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/protocols/*/reload", "/api/protocols/*/tables/*").hasRole(Roles.AUTHOR)
                        .anyRequest().hasRole(Roles.MONITOR))
                .httpBasic(b -> b.realmName("protoguard").authenticationEntryPoint((req, res, e) -> {
                    if (e instanceof SignInLocked locked) {
                        res.setHeader("Retry-After", String.valueOf(Math.max(1, locked.retryAfter().toSeconds())));
                        problem(res, json, HttpStatus.TOO_MANY_REQUESTS, "Sign-in locked", locked.getMessage() + ".", req.getRequestURI());
                        return;
                    }
                    res.setHeader("WWW-Authenticate", "Basic realm=\"protoguard\"");
                    problem(res, json, HttpStatus.UNAUTHORIZED, "Sign-in required", signInDetail(e), req.getRequestURI());
                }))
                .exceptionHandling(x -> x.accessDeniedHandler((req, res, e) -> problem(res, json, HttpStatus.FORBIDDEN,
                        "Not allowed", "Your role does not allow " + req.getMethod() + " " + req.getRequestURI() + ".",
                        req.getRequestURI())))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable());
        return http.build();
    }

    /**
     * The OpenAPI description and Swagger UI: signed in only. A browser signed in on the pages reads them with its
     * session; a script sends HTTP basic like the API; anyone else is sent to the sign-in page.
     */
    @Bean
    @Order(2)
    public SecurityFilterChain apiDocs(HttpSecurity http, SignInThrottle throttle, RecentCredentials recentCredentials) throws Exception {
        http.securityMatcher("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                .authenticationManager(new ProviderManager(new ThrottledSignIn(throttle, recentCredentials)))
                .authorizeHttpRequests(a -> a.anyRequest().hasRole(Roles.MONITOR))
                .httpBasic(b -> b.realmName("protoguard"))
                .exceptionHandling(x -> x.authenticationEntryPoint(
                        new org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint("/login")))
                .csrf(c -> c.disable()); // GET only
        return http.build();
    }

    @Bean
    @Order(3)
    public SecurityFilterChain pages(HttpSecurity http, SignInThrottle throttle, DaoAuthenticationProvider passwordCheck,
                                     SessionRegistry sessions) throws Exception {
        http.authenticationManager(new ProviderManager(new ThrottledSignIn(throttle, passwordCheck)))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/css/**", "/error").permitAll()
                        .requestMatchers("/admin/**").hasRole(Roles.ADMIN)
                        .requestMatchers(HttpMethod.POST, "/protocols/*/reload", "/protocols/*/tables").hasRole(Roles.AUTHOR)
                        .anyRequest().hasRole(Roles.MONITOR))
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false).permitAll()
                        .failureHandler((req, res, e) -> res.sendRedirect(req.getContextPath()
                                + (e instanceof SignInLocked ? "/login?locked" : "/login?error"))))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"))
                // every session is registered, so a changed password, role or status can end the user's sessions at once
                .sessionManagement(s -> s.maximumSessions(-1).sessionRegistry(sessions).expiredUrl("/login?expired"))
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives("default-src 'self'; img-src 'self' data:; "
                                + "style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    private static String signInDetail(AuthenticationException e) {
        if (e instanceof org.springframework.security.authentication.AccountStatusException) {
            return "This account cannot sign in (disabled or removed); ask an ADMIN.";
        }
        return "Send HTTP basic credentials of a protoguard user.";
    }

    /** RFC 9457 problem details for the API's 401, 403 and 429, which happen before any controller runs. */
    static void problem(HttpServletResponse res, ObjectMapper json, HttpStatus status, String title, String detail,
                        String instance) throws IOException {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        p.setInstance(URI.create(instance));
        res.setStatus(status.value());
        res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(res.getOutputStream(), p);
    }
}
