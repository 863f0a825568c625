package io.protoguard.security;

import org.springframework.context.event.EventListener;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;

/**
 * Makes an account change count at once: the API's remembered credentials of the account are dropped, and its
 * browser sessions are expired (the next request from them goes to the sign-in page).
 */
@Component
class AccountChangeEffects {
    private final RecentCredentials apiCredentials;
    private final SessionRegistry sessions;

    AccountChangeEffects(RecentCredentials apiCredentials, SessionRegistry sessions) {
        this.apiCredentials = apiCredentials;
        this.sessions = sessions;
    }

    @EventListener
    void changed(AccountChanged e) {
        apiCredentials.forget(e.username());
        for (Object principal : sessions.getAllPrincipals()) {
            String name = principal instanceof UserDetails u ? u.getUsername() : String.valueOf(principal);
            if (name.equals(e.username())) sessions.getAllSessions(principal, false).forEach(SessionInformation::expireNow);
        }
    }
}
