package io.protoguard.web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import java.util.concurrent.CountDownLatch;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;

/** The web service ({@code protoguard serve}). Only this class starts Spring; the command line never does. */
@SpringBootApplication(scanBasePackages = {"io.protoguard.web", "io.protoguard.storage", "io.protoguard.security"})
public class WebApplication {

    public static ConfigurableApplicationContext start(String... args) {
        return SpringApplication.run(WebApplication.class, args);
    }

    /** Serves until the application is stopped (Ctrl-C or SIGTERM close it through Spring's shutdown hook). */
    public static void runUntilStopped(String... args) throws InterruptedException {
        ConfigurableApplicationContext context = start(args);
        CountDownLatch closed = new CountDownLatch(1);
        context.addApplicationListener(e -> {
            if (e instanceof ContextClosedEvent) closed.countDown();
        });
        if (context.isActive()) closed.await();
    }

    /** Logging is quiet (warnings only), so say where the service listens. */
    @EventListener(ApplicationReadyEvent.class)
    public void ready(ApplicationReadyEvent e) {
        if (!(e.getApplicationContext() instanceof WebServerApplicationContext)) return; // a test slice, not a server
        Environment env = e.getApplicationContext().getEnvironment();
        System.err.println("protoguard: serving on http://localhost:" + env.getProperty("local.server.port", "8080")
                + "/ (database " + env.getProperty("spring.datasource.url") + ")");
    }
}
