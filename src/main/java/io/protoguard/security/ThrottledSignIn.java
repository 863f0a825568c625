package io.protoguard.security;

import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Puts the {@link SignInThrottle} in front of the password check, for the API and the sign-in form alike: a locked
 * account or address is refused before any password is checked, and failures are counted and audited in words.
 */
final class ThrottledSignIn implements AuthenticationProvider {
    private final SignInThrottle throttle;
    private final AuthenticationProvider passwords;

    ThrottledSignIn(SignInThrottle throttle, AuthenticationProvider passwords) {
        this.throttle = throttle;
        this.passwords = passwords;
    }

    @Override
    public Authentication authenticate(Authentication request) {
        String account = request.getName() == null || request.getName().isBlank() ? "(no name)" : request.getName();
        String address = request.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
        throttle.checkAllowed(account, address);
        try {
            Authentication result = passwords.authenticate(request);
            if (result != null && result.isAuthenticated()) throttle.succeeded(account);
            return result;
        } catch (BadCredentialsException e) {
            throttle.failed(account, address, "wrong user name or password");
            throw e;
        } catch (AccountStatusException e) {
            throttle.failed(account, address, "the account is disabled or removed");
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
