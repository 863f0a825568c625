package io.protoguard.protocol;

import io.protoguard.model.CodeBook;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every version of a protocol, oldest first. A thing is judged by the version in effect on its date;
 * before the first effective date the first version applies.
 */
public record ProtocolVersions(String id, List<LoadedProtocol> versions, String contentHash) {

    public ProtocolVersions {
        if (versions.isEmpty()) throw new IllegalArgumentException("a protocol needs at least one version");
        versions = List.copyOf(versions);
    }

    public static ProtocolVersions of(LoadedProtocol only) {
        return new ProtocolVersions(only.info().id(), List.of(only), only.contentHash());
    }

    public LoadedProtocol latest() {
        return versions.get(versions.size() - 1);
    }

    public LoadedProtocol inEffectOn(LocalDate date) {
        LoadedProtocol current = versions.get(0);
        if (date == null) return latest();
        for (LoadedProtocol v : versions) {
            if (v.info().effectiveDate() != null && !v.info().effectiveDate().isAfter(date)) current = v;
        }
        return current;
    }

    /** Intake accepts the codes of any version, since data spans amendments. */
    /** Every version's rules, for telling which sheets the protocol reads. */
    public java.util.List<io.protoguard.model.rules.ProtocolRule> rules() {
        return versions.stream().flatMap(v -> v.rules().stream()).toList();
    }

    public CodeBook codeBook() {
        if (versions.size() == 1) return versions.get(0).codeBook();
        Set<String> nt = new TreeSet<>(), ct = new TreeSet<>(), nc = new TreeSet<>(), yn = new TreeSet<>(), arms = new TreeSet<>();
        Map<String, Set<String>> byVisit = new TreeMap<>();
        for (LoadedProtocol v : versions) {
            CodeBook c = v.codeBook();
            nt.addAll(c.numericTests());
            ct.addAll(c.codedTests());
            nc.addAll(c.numericCriteria());
            yn.addAll(c.yesNoCriteria());
            arms.addAll(c.arms());
            c.testsByVisit().forEach((visit, tests) -> byVisit.computeIfAbsent(visit, k -> new TreeSet<>()).addAll(tests));
        }
        return new CodeBook(nt, ct, nc, yn, arms, byVisit);
    }
}
