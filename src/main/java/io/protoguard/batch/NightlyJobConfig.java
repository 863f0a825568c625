package io.protoguard.batch;

import io.protoguard.protocol.ProtocolCache;
import io.protoguard.storage.DeviationReviews;
import io.protoguard.storage.NightlyQueries;
import io.protoguard.storage.NightlyStore;
import io.protoguard.risk.KriStore;
import io.protoguard.risk.RiskIndicators;
import io.protoguard.risk.RiskSignals;
import org.springframework.jdbc.core.simple.JdbcClient;
import io.protoguard.storage.StudyRegistry;
import java.nio.file.Path;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The nightly job: one step, {@code checkStudies}, with one partition per (study, site) pair on a thread pool, or on
 * remote workers over RabbitMQ when {@code protoguard.nightly.remote.enabled} ({@link RemoteManagerConfig}); the job fails if
 * any study failed, and the reports are written after it either way. A FAILED job is what lets a restart for the same as-of date retry exactly the
 * studies that failed or never finished; the studies already checked are skipped. Every step uses the one
 * transaction manager of the DataSource that also holds the job repository, so a study's observations and its
 * step's progress commit together.
 */
@Configuration
@EnableConfigurationProperties({NightlySettings.class, RemoteSettings.class})
public class NightlyJobConfig {
    public static final String JOB = "nightly", CHECK_STUDIES = "checkStudies", CHECK_STUDY = "checkStudy";

    @Bean
    public ProtocolCache nightlyProtocols(@Value("${protoguard.home:}") String home) {
        Path root = home.isBlank() ? Path.of("").toAbsolutePath() : Path.of(home).toAbsolutePath();
        return new ProtocolCache(root.resolve("decision-tables"), root.resolve("rules"));
    }

    /** Site KRIs, computed once per study after all its partitions are in ({@link StudyJudge}). */
    @Bean
    public RiskIndicators riskIndicators(JdbcClient jdbc, NightlyStore store, ProtocolCache nightlyProtocols) {
        return new RiskIndicators(new KriStore(jdbc), store, nightlyProtocols);
    }

    @Bean
    public RunLease runLease(NightlyStore store, NightlySettings settings) {
        return new RunLease(store, settings.heartbeat(), settings.staleAfter());
    }

    @Bean
    public ThreadPoolTaskExecutor studyThreads(NightlySettings settings) {
        ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();
        pool.setCorePoolSize(Math.max(1, settings.threads()));
        pool.setMaxPoolSize(Math.max(1, settings.threads()));
        pool.setThreadNamePrefix("study-");
        return pool;
    }

    @Bean
    public Step checkStudy(JobRepository jobs, PlatformTransactionManager transactions, StudyRegistry registry, NightlyStore store,
                           PartitionResults partitionResults, StudyJudge studyJudge, ProtocolCache nightlyProtocols, NightlySettings settings) {
        return new StepBuilder(CHECK_STUDY, jobs)
                .tasklet(new CheckStudyTasklet(registry, store, partitionResults, studyJudge, nightlyProtocols, transactions,
                        settings.partitionDelayMs()), transactions)
                .build();
    }

    @Bean
    public Step checkStudies(JobRepository jobs, StudyRegistry registry, Step checkStudy, ThreadPoolTaskExecutor studyThreads,
                             NightlySettings settings, ObjectProvider<RemoteManagerConfig.RemotePartitions> remote) {
        var step = new StepBuilder(CHECK_STUDIES, jobs).partitioner(CHECK_STUDY, new StudyPartitioner(registry));
        RemoteManagerConfig.RemotePartitions workers = remote.getIfAvailable();
        if (workers != null) {
            // protoguard.nightly.remote.enabled: the partitions go to `protoguard nightly --worker` processes over RabbitMQ
            return step.partitionHandler(workers.handler()).listener(workers.watch()).build();
        }
        return step.step(checkStudy)
                .gridSize(Math.max(1, settings.threads()))
                .taskExecutor(studyThreads)
                .build();
    }

    @Bean
    public ReportWriter reportWriter(NightlyStore store, NightlyQueries queries, DeviationReviews reviews, NightlySettings settings,
                                     JdbcClient jdbc, ProtocolCache nightlyProtocols) {
        return new ReportWriter(store, queries, reviews, settings.reportDir(), new RiskSignals(new KriStore(jdbc)), nightlyProtocols);
    }

    @Bean
    public Job nightlyJob(JobRepository jobs, Step checkStudies, RunLease runLease, ReportWriter reportWriter) {
        // One step only: Spring Batch abandons a failed step once a flow moves on to another, and an abandoned
        // step is never restarted; the reports are written by a listener instead.
        return new JobBuilder(JOB, jobs)
                .listener(runLease)
                .listener(reportWriter)
                .start(checkStudies)
                .build();
    }
}
