package io.protoguard.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code protoguard serve [--spring.x=y ...]}: starts the web service; every argument goes to Spring Boot
 * (e.g. {@code --server.port=9090}, {@code --spring.datasource.url=jdbc:postgresql://...}). Spring classes are
 * reached only from {@link #call()}, so the other commands never load them.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Start the web service (default http://localhost:8080/).%n"
        + "Arguments are Spring Boot properties, e.g. --server.port=9090 --spring.datasource.url=jdbc:postgresql://host/db")
final class ServeCommand implements Callable<Integer> {

    /** Everything picocli does not know is a Spring Boot argument. */
    @Unmatched
    List<String> springArgs = new ArrayList<>();

    @Override
    public Integer call() throws InterruptedException {
        if (System.getProperty("protoguard.home") == null && System.getenv("PROTOGUARD_HOME") == null) {
            System.setProperty("protoguard.home", Home.dir().toString());
        }
        io.protoguard.web.WebApplication.runUntilStopped(springArgs.toArray(String[]::new));
        return 0;
    }
}
