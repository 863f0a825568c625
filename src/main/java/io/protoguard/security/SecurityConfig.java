package io.protoguard.security;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
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
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Two filter chains: the REST API under /api with HTTP basic, no session and no CSRF token (nothing is
 * sent automatically by a browser without a session cookie); the pages with form sign-in, a session and
 * CSRF tokens on every form. Roles nest: ADMIN includes AUTHOR includes MONITOR.
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
    @Order(1)
    public SecurityFilterChain api(HttpSecurity http, ObjectMapper json, UserAccounts users, PasswordEncoder encoder,
                                   AuthenticationEventPublisher events,
                                   @Value("${protoguard.security.api-credentials-ttl:60s}") Duration ttl) throws Exception {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(encoder);
        passwords.setUserDetailsService(users);
        ProviderManager apiAuthentication = new ProviderManager(new RecentCredentials(passwords, ttl, Clock.systemUTC()));
        apiAuthentication.setAuthenticationEventPublisher(events); // failed API sign-ins reach the audit log
        http.securityMatcher("/api/**")
                .authenticationManager(apiAuthentication)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/api/admin/**").hasRole(Roles.ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/protocols/*/reload", "/api/protocols/*/tables/*").hasRole(Roles.AUTHOR)
                        .anyRequest().hasRole(Roles.MONITOR))
                .httpBasic(b -> b.realmName("protoguard").authenticationEntryPoint((req, res, e) -> {
                    res.setHeader("WWW-Authenticate", "Basic realm=\"protoguard\"");
                    problem(res, json, HttpStatus.UNAUTHORIZED, "Sign-in required",
                            "Send HTTP basic credentials of a protoguard user.", req.getRequestURI());
                }))
                .exceptionHandling(x -> x.accessDeniedHandler((req, res, e) -> problem(res, json, HttpStatus.FORBIDDEN,
                        "Not allowed", "Your role does not allow " + req.getMethod() + " " + req.getRequestURI() + ".",
                        req.getRequestURI())))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable());
        return http.build();
    }

    @Bean
    @Order(2)
    public SecurityFilterChain pages(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/css/**", "/error", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers("/admin/**").hasRole(Roles.ADMIN)
                        .requestMatchers(HttpMethod.POST, "/protocols/*/reload", "/protocols/*/tables").hasRole(Roles.AUTHOR)
                        .anyRequest().hasRole(Roles.MONITOR))
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false).failureUrl("/login?error").permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"))
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives("default-src 'self'; img-src 'self' data:; "
                                + "style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /** RFC 9457 problem details for the API's 401 and 403, which happen before any controller runs. */
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
