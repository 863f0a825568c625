package io.protoguard.security;

import io.protoguard.storage.AuditLog;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Writes sign-ins to the audit log: every successful form sign-in and every failed attempt (form or API).
 * Successful API calls are not sign-ins (basic credentials come with each call); their uploads and downloads are logged.
 */
@Component
public class SignInAudit {
    private final AuditLog audit;

    public SignInAudit(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    public void signedIn(InteractiveAuthenticationSuccessEvent e) {
        audit.record(e.getAuthentication().getName(), AuditLog.SIGN_IN, "form sign-in", remote(e.getAuthentication()));
    }

    @EventListener
    public void failed(AbstractAuthenticationFailureEvent e) {
        Authentication a = e.getAuthentication();
        String name = a.getName() == null || a.getName().isBlank() ? "(no name)" : a.getName();
        audit.record(name, AuditLog.SIGN_IN_FAILED, e.getException().getClass().getSimpleName(), remote(a));
    }

    private static String remote(Authentication a) {
        return a.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
    }
}
