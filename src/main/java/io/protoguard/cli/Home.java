package io.protoguard.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where protocols live: {@code -Dprotoguard.home}, else {@code $PROTOGUARD_HOME}, else the working
 * directory. Under it: {@code decision-tables/<id>/}, {@code rules/}, {@code test-scenarios/<id>/}.
 */
final class Home {
    private Home() {}

    static Path dir() {
        String prop = System.getProperty("protoguard.home");
        if (prop != null && !prop.isBlank()) return Path.of(prop);
        String env = System.getenv("PROTOGUARD_HOME");
        if (env != null && !env.isBlank()) return Path.of(env);
        return Path.of("").toAbsolutePath();
    }

    static Path rules() {
        return dir().resolve("rules");
    }

    /** A protocol id names {@code decision-tables/<id>}; an existing folder path is taken as it is. */
    static Path protocol(String idOrDir) {
        Path asDir = Path.of(idOrDir);
        if (idOrDir.contains("/") && Files.isDirectory(asDir)) return asDir;
        return dir().resolve("decision-tables").resolve(idOrDir);
    }

    static Path scenarios(String id) {
        return dir().resolve("test-scenarios").resolve(id);
    }
}
