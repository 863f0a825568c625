package io.protoguard.security;

import io.protoguard.storage.SiteScope;
import java.security.Principal;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * What a signed-in user may see: an ADMIN everything; anyone else the runs and studies of the sites assigned to them
 * (a site coordinator is a MONITOR with one site). Read on every request, so a changed assignment counts at once.
 */
@Component
public class SiteAccess {
    private final UserAccounts accounts;

    public SiteAccess(UserAccounts accounts) {
        this.accounts = accounts;
    }

    public SiteScope scopeOf(Principal who) {
        if (who instanceof Authentication a && a.getAuthorities().stream().anyMatch(g -> ("ROLE_" + Roles.ADMIN).equals(g.getAuthority()))) {
            return SiteScope.EVERYTHING;
        }
        return SiteScope.of(who.getName(), accounts.sitesOf(who.getName()));
    }
}
