package io.protoguard.storage;

import java.util.Collection;
import java.util.Set;

/**
 * What one signed-in user may see: the runs and studies whose sites are all among {@code sites}. {@link #EVERYTHING}
 * is an ADMIN's scope. A run that holds no site (no subject could be read) is visible to its uploader only.
 */
public record SiteScope(String user, Set<String> sites, boolean everything) {
    public static final SiteScope EVERYTHING = new SiteScope(null, Set.of(), true);

    public SiteScope {
        sites = Set.copyOf(sites);
    }

    public static SiteScope of(String user, Collection<String> sites) {
        return new SiteScope(user, Set.copyOf(sites), false);
    }

    public boolean covers(Collection<String> dataSites, String owner) {
        if (everything) return true;
        if (dataSites.isEmpty()) return user != null && user.equals(owner);
        return sites.containsAll(dataSites);
    }

    /** A study is visible when it names its sites and each is assigned. */
    public boolean coversStudy(Study study) {
        return everything || (!study.sites().isEmpty() && sites.containsAll(study.sites()));
    }
}
