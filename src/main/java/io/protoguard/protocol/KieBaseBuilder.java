package io.protoguard.protocol;

import io.protoguard.model.ProtocolInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;

/**
 * Builds one KieBase from the generated table DRL and the shared DRL, in DRL mode (its messages name
 * the rule; the executable model's do not), and maps each error to a cell or a DRL file and line.
 */
final class KieBaseBuilder {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(KieBaseBuilder.class);
    /** Where Drools' own text goes: never to the user (issue 14), only to this debug log. */
    static final String RAW_TEXT_HINT = "Drools' own message is logged at debug level: "
            + "-Dorg.slf4j.simpleLogger.log.io.protoguard.protocol=debug";

    record Built(KieBase kieBase) {}

    private KieBaseBuilder() {}

    static Built build(ProtocolInfo info, String hash, List<CompiledTable> tables, List<Path> drlFiles,
                       List<ProtocolProblem> problems) {
        KieServices ks = KieServices.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        ReleaseId releaseId = ks.newReleaseId("io.protoguard.protocols", info.id().replaceAll("[^A-Za-z0-9_.-]", "_"),
                "0.0.0-" + hash.substring(0, 16));
        kfs.generateAndWritePomXML(releaseId);
        for (CompiledTable t : tables) kfs.write(t.resourcePath(), t.drl());
        for (Path p : drlFiles) {
            try {
                kfs.write("src/main/resources/io/protoguard/rules/" + p.getFileName(), Files.readString(p));
            } catch (IOException e) {
                problems.add(new ProtocolProblem(p.getFileName().toString(), null, null, "cannot be read: " + e.getMessage()));
            }
        }
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        List<ProtocolProblem> mapped = new java.util.ArrayList<>();
        for (Message m : errors) {
            LOG.debug("Drools: {} line {}: {}", m.getPath(), m.getLine(), m.getText());
            mapped.add(map(m, tables));
        }
        problems.addAll(ErrorMapper.collapse(mapped, tables));
        if (!errors.isEmpty()) return new Built(null);
        KieBase base = ks.newKieContainer(releaseId).getKieBase();
        ks.getRepository().removeKieModule(releaseId); // the KieBase lives on; the repository need not keep every version
        return new Built(base);
    }

    private static ProtocolProblem map(Message m, List<CompiledTable> tables) {
        String path = m.getPath() == null ? "" : m.getPath();
        for (CompiledTable t : tables) {
            if (path.endsWith(t.resourcePath().substring(t.resourcePath().lastIndexOf('/') + 1))) {
                return ErrorMapper.map(t, m.getLine(), m.getText());
            }
        }
        String file = path.isEmpty() ? "rules" : "rules/" + path.substring(path.lastIndexOf('/') + 1);
        return new ProtocolProblem(file + (m.getLine() > 0 ? " line " + m.getLine() : ""), null, null,
                "does not compile (" + RAW_TEXT_HINT + ")");
    }
}
