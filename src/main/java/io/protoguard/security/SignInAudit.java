package io.protoguard.security;

import io.protoguard.storage.AuditLog;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Writes successful form sign-ins to the audit log. Failed attempts (form or API) are written by the
 * {@link SignInThrottle}, one by one until a lock starts, then one entry per lock. Successful API calls are not
 * sign-ins (basic credentials come with each call); their uploads and downloads are logged.
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

    private static String remote(Authentication a) {
        return a.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
    }
}
