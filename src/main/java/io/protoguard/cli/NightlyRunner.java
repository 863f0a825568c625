package io.protoguard.cli;

import io.protoguard.batch.NightlyApplication;
import io.protoguard.batch.NightlyLauncher;
import io.protoguard.batch.NightlySettings;
import io.protoguard.batch.StudiesFile;
import io.protoguard.batch.ReportWriter;
import io.protoguard.storage.Study;
import io.protoguard.storage.StudyRegistry;
import io.protoguard.storage.StudyRun;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;

/** The Spring side of {@code protoguard nightly}: registry import, the run, and the summary for cron's mail. */
final class NightlyRunner {
    private NightlyRunner() {}

    static int run(LocalDate asOf, Path studiesFile, boolean registerOnly, boolean rerun, List<String> springArgs) throws Exception {
        PrintStream out = System.out, err = System.err;
        List<Study> fromFile = null;
        if (studiesFile != null) {
            try {
                fromFile = StudiesFile.read(studiesFile, "file " + studiesFile.getFileName());
                fromFile.forEach(StudyRegistry::validate);
            } catch (IllegalArgumentException e) {
                err.println("protoguard: " + e.getMessage());
                return ExitCodes.INPUT_ERRORS;
            }
        }
        try (ConfigurableApplicationContext context = NightlyApplication.start(springArgs.toArray(String[]::new))) {
            StudyRegistry registry = context.getBean(StudyRegistry.class);
            if (fromFile != null) {
                for (Study s : fromFile) {
                    boolean added = registry.save(s);
                    err.println("protoguard: study " + s.id() + (added ? " registered" : " updated") + " (" + s.protocolId() + ", "
                            + s.dataPath() + (s.active() ? "" : ", inactive") + ")");
                }
            }
            if (registerOnly) return 0;
            if (registry.active().isEmpty()) {
                err.println("protoguard: no active study is registered; register studies with --studies FILE or on the Studies page");
                return ExitCodes.INPUT_ERRORS;
            }
            NightlyLauncher.Outcome o = context.getBean(NightlyLauncher.class).run(asOf, rerun);
            Path reportDir = context.getBean(NightlySettings.class).reportDir();
            return summarise(o, reportDir, out, err);
        }
    }

    /**
     * {@code protoguard nightly --worker}: the nightly context with the worker's queue listener, until the process is
     * stopped. SIGTERM closes the context (Spring's shutdown hook): the listener stops taking requests, and a
     * partition that has not finished is never acknowledged, so the broker gives it to another worker.
     */
    static int work(List<String> springArgs) throws Exception {
        List<String> args = new java.util.ArrayList<>(springArgs);
        args.add("--protoguard.nightly.worker=true");
        java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);
        try (ConfigurableApplicationContext context = NightlyApplication.start(args.toArray(String[]::new))) {
            context.addApplicationListener(e -> {
                if (e instanceof org.springframework.context.event.ContextClosedEvent) closed.countDown();
            });
            var remote = context.getBean(io.protoguard.batch.RemoteSettings.class);
            var rabbit = context.getEnvironment();
            System.err.println("protoguard: nightly worker " + ProcessHandle.current().pid() + " takes partitions from queue " + remote.queue()
                    + " at " + rabbit.getProperty("spring.rabbitmq.host", "localhost") + ":" + rabbit.getProperty("spring.rabbitmq.port", "5672")
                    + " with " + context.getBean(NightlySettings.class).threads() + " threads; stop it with SIGTERM");
            closed.await();
        }
        return 0;
    }

    private static int summarise(NightlyLauncher.Outcome o, Path reportDir, PrintStream out, PrintStream err) {
        if (o.kind() == NightlyLauncher.Kind.BUSY) {
            err.println("protoguard: " + o.message());
            return NightlyCommand.BUSY;
        }
        if (o.kind() == NightlyLauncher.Kind.ALREADY_DONE) err.println("protoguard: " + o.message());
        out.println("nightly run " + o.run().id() + " as of " + o.run().asOf() + (o.run().rerun() ? " (rerun)" : "") + ": "
                + (o.execution() == null ? "" : o.execution().getStatus() + " (job execution " + o.execution().getId() + ")"));
        for (StudyRun s : o.studies()) {
            if (s.checked()) {
                Path report = ReportWriter.reportFile(reportDir, o.run(), s.studyId());
                out.printf("  %-20s CHECKED  %s %s, %d subjects, %d deviations: %d NEW, %d OPEN, %d REOPENED; %d RESOLVED%s%s%n",
                        s.studyId(), s.protocolId(), s.protocolVersion(), s.subjects(), s.present(), s.newCount(), s.openCount(),
                        s.reopenedCount(), s.resolvedCount(), s.inputErrors() > 0 ? "; " + s.inputErrors() + " input errors" : "",
                        Files.exists(report) ? "; report " + report : "; report missing");
            } else {
                out.printf("  %-20s FAILED   %s%n", s.studyId(), s.reason());
            }
        }
        int failed = 0;
        for (StudyRun s : o.studies()) {
            if (s.checked()) continue;
            err.println("protoguard: study " + s.studyId() + " FAILED: " + s.reason());
            failed++;
        }
        for (String id : o.notChecked()) {
            err.println("protoguard: study " + id + " was not checked: " + (o.message() == null || o.message().isBlank() ? "the run stopped" : o.message()));
            failed++;
        }
        if (failed == 0 && !o.allChecked()) {
            err.println("protoguard: the run did not complete: " + o.message());
            return NightlyCommand.SOME_FAILED;
        }
        return failed == 0 ? 0 : NightlyCommand.SOME_FAILED;
    }
}
