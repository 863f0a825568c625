package io.protoguard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import io.protoguard.protocol.ProtocolVersions;
import io.protoguard.storage.AuditLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Uploads look their protocol up at the same time (no lock while it is unchanged): each still gets the one compiled
 * protocol, and its loading and each change are audited once, not once per upload. Works on a copy of the home.
 */
class ProtocolCatalogConcurrencyTest {
    private static final String ID = "sivelestat-evt";
    private static final int UPLOADS = 8;

    @TempDir
    Path home;

    @Test
    void concurrentLookUpsShareOneCompiledProtocolAndAuditItsLoadingOnce() throws Exception {
        AuditLog audit = mock(AuditLog.class);
        ProtocolCatalog catalog = catalogOnACopy(audit);

        List<ProtocolVersions> seen = lookUpAtOnce(catalog);

        assertThat(seen).hasSize(UPLOADS).allSatisfy(v -> assertThat(v).isSameAs(seen.get(0)));
        verify(audit, times(1)).record(eq("system"), eq(AuditLog.PROTOCOL_LOADED), anyString(), any());
        verify(audit, never()).record(eq("system"), eq(AuditLog.PROTOCOL_BROKEN), anyString(), any());
    }

    @Test
    void aTableEditedBetweenUploadsIsTakenByAllOfTheNextOnesAndRecordedOnce() throws Exception {
        AuditLog audit = mock(AuditLog.class);
        ProtocolCatalog catalog = catalogOnACopy(audit);
        ProtocolVersions before = catalog.get(ID);

        // an edit that still compiles: a shared rule file gains a comment, so the protocol is compiled again
        Path drl = home.resolve("rules").resolve(firstDrl());
        Files.writeString(drl, "\n// edited by ProtocolCatalogConcurrencyTest\n", StandardOpenOption.APPEND);
        List<ProtocolVersions> seen = lookUpAtOnce(catalog);

        assertThat(seen).allSatisfy(v -> assertThat(v).isSameAs(seen.get(0)).isNotSameAs(before));
        assertThat(catalog.get(ID)).isSameAs(seen.get(0));
        verify(audit, times(1)).record(eq("system"), eq(AuditLog.PROTOCOL_LOADED), anyString(), any());
        verify(audit, times(1)).record(eq("system"), eq(AuditLog.PROTOCOL_CHANGED), anyString(), any());
        verify(audit, never()).record(eq("system"), eq(AuditLog.PROTOCOL_BROKEN), anyString(), any());
    }

    private List<ProtocolVersions> lookUpAtOnce(ProtocolCatalog catalog) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(UPLOADS);
        try {
            List<Callable<ProtocolVersions>> calls = new ArrayList<>();
            for (int i = 0; i < UPLOADS; i++) calls.add(() -> catalog.get(ID));
            List<ProtocolVersions> seen = new ArrayList<>();
            for (Future<ProtocolVersions> f : pool.invokeAll(calls)) seen.add(f.get());
            return seen;
        } finally {
            pool.shutdownNow();
        }
    }

    private String firstDrl() throws Exception {
        try (Stream<Path> s = Files.list(home.resolve("rules"))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".drl")).sorted().findFirst().orElseThrow();
        }
    }

    private ProtocolCatalog catalogOnACopy(AuditLog audit) throws Exception {
        for (String folder : new String[] {"rules", "decision-tables/" + ID}) {
            Path from = Path.of(folder), to = Files.createDirectories(home.resolve(folder));
            try (Stream<Path> s = Files.list(from)) {
                for (Path p : s.filter(Files::isRegularFile).toList()) Files.copy(p, to.resolve(p.getFileName()));
            }
        }
        return new ProtocolCatalog(home.toString(), audit);
    }
}
