package io.protoguard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import io.protoguard.storage.AuditLog;
import io.protoguard.storage.UploadFiles;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An author's table replaces the old one only when the protocol still compiles; the old one is kept. Works on a copy of the home. */
class ProtocolTableEditorTest {
    @TempDir
    Path home;
    @TempDir
    Path data;

    private ProtocolTableEditor editor(AuditLog audit) throws Exception {
        for (String folder : new String[] {"rules", "decision-tables/sivelestat-evt"}) {
            Path from = Path.of(folder), to = Files.createDirectories(home.resolve(folder));
            try (Stream<Path> s = Files.list(from)) {
                for (Path p : s.filter(Files::isRegularFile).toList()) Files.copy(p, to.resolve(p.getFileName()));
            }
        }
        return new ProtocolTableEditor(new ProtocolCatalog(home.toString(), audit), new UploadFiles(data), audit, data);
    }

    @Test
    void aTableThatDoesNotCompileIsRefusedAndNothingChanges() throws Exception {
        ProtocolTableEditor editor = editor(mock(AuditLog.class));
        Path table = home.resolve("decision-tables/sivelestat-evt/schedule.drl.xlsx");
        byte[] before = Files.readAllBytes(table);
        ProtocolTableEditor.Outcome o = editor.replace("sivelestat-evt", "schedule.drl.xlsx",
                new ByteArrayInputStream(ExampleWorkbooks.siteWorkbook()), "arthur", null);
        assertThat(o.replaced()).isFalse();
        assertThat(o.problems()).isNotEmpty().anyMatch(p -> p.contains("schedule.drl.xlsx"));
        assertThat(Files.readAllBytes(table)).isEqualTo(before);
    }

    @Test
    void aTableThatCompilesReplacesTheOldOneWhichIsKept() throws Exception {
        AuditLog audit = mock(AuditLog.class);
        ProtocolTableEditor editor = editor(audit);
        byte[] table = Files.readAllBytes(Path.of("decision-tables/sivelestat-evt/schedule.drl.xlsx"));
        ProtocolTableEditor.Outcome o = editor.replace("sivelestat-evt", "schedule.drl.xlsx", new ByteArrayInputStream(table), "arthur", null);
        assertThat(o.problems()).isEmpty();
        assertThat(o.replaced()).isTrue();
        try (Stream<Path> kept = Files.list(data.resolve("protocol-history/sivelestat-evt"))) {
            assertThat(kept.map(p -> p.getFileName().toString()).toList()).singleElement().asString().endsWith("-schedule.drl.xlsx");
        }
        verify(audit).record(eq("arthur"), eq(AuditLog.PROTOCOL_CHANGED), contains("schedule.drl.xlsx"), any());
    }

    @Test
    void onlyTablesTheFolderHoldsCanBeNamed() throws Exception {
        ProtocolTableEditor editor = editor(mock(AuditLog.class));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> editor.replace("sivelestat-evt", "../../rules/schedule.drl",
                new ByteArrayInputStream(new byte[] {1}), "arthur", null)).isInstanceOf(CheckService.BadRequest.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> editor.replace("../etc", "x.drl.xlsx",
                new ByteArrayInputStream(new byte[] {1}), "arthur", null)).isInstanceOf(ProtocolCatalog.UnknownProtocol.class);
    }
}
