package io.protoguard.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/**
 * {@code protoguard nightly}: checks every registered study and tracks its deviations across runs. Spring and Spring
 * Batch are reached only from {@link #call()}, so the other commands never load them.
 */
@Command(name = "nightly", mixinStandardHelpOptions = true,
        description = "Check every registered study (the nightly compliance run). Running it again for the same --as-of "
                + "resumes a killed or failed run; a complete one is not run again unless --rerun.%n"
                + "Exit status: 0 every study checked; 3 some studies failed (each named on standard error with the reason); "
                + "2 bad arguments or the run could not start; 4 another nightly run is still in progress.%n"
                + "Other arguments are Spring Boot properties, e.g. --spring.datasource.url=jdbc:postgresql://host/db "
                + "--protoguard.nightly.threads=4 --protoguard.nightly.report-dir=/srv/reports%n"
                + "On several machines (docs/scaling.md): --protoguard.nightly.remote.enabled=true on the manager sends the partitions "
                + "over RabbitMQ (--spring.rabbitmq.host=...) to workers started with --worker, all on one shared PostgreSQL database.")
final class NightlyCommand implements Callable<Integer> {
    static final int SOME_FAILED = 3, BUSY = 4;

    @Option(names = "--as-of", description = "the date the run judges as of (YYYY-MM-DD; default: today); one run per date")
    LocalDate asOf;

    @Option(names = "--studies", paramLabel = "FILE", description = "add or update the studies of this YAML file in the registry first")
    Path studies;

    @Option(names = "--register-only", description = "with --studies: update the registry and stop, without checking")
    boolean registerOnly;

    @Option(names = "--rerun", description = "check every study again as a new run even if the run for this date is complete")
    boolean rerun;

    @Option(names = "--worker", description = "run as a worker of the nightly run on several machines: take (study, site) partitions "
            + "from the RabbitMQ queue until stopped (SIGTERM); needs the manager's database and broker settings")
    boolean worker;

    @Unmatched
    List<String> springArgs = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        if (System.getProperty("protoguard.home") == null && System.getenv("PROTOGUARD_HOME") == null) {
            System.setProperty("protoguard.home", Home.dir().toString());
        }
        for (String a : springArgs) {
            if (!a.startsWith("--") || !a.contains("=")) {
                System.err.println("protoguard: unknown argument " + a + " (Spring properties are written --name=value)");
                return ExitCodes.INPUT_ERRORS;
            }
        }
        if (registerOnly && studies == null) {
            System.err.println("protoguard: --register-only needs --studies FILE");
            return ExitCodes.INPUT_ERRORS;
        }
        if (worker) {
            if (studies != null || registerOnly || rerun || asOf != null) {
                System.err.println("protoguard: --worker takes no --as-of, --studies, --register-only or --rerun: the manager decides the run");
                return ExitCodes.INPUT_ERRORS;
            }
            return NightlyRunner.work(springArgs);
        }
        return NightlyRunner.run(asOf != null ? asOf : LocalDate.now(), studies, registerOnly, rerun, springArgs);
    }
}
