package io.protoguard.web;

import io.protoguard.pdlog.PdLogEntries;
import io.protoguard.pdlog.PdLogQueries;
import io.protoguard.storage.DeviationReviews;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The PD log's stores for the service (the service scans only web, storage and security; pdlog is wired here). */
@Configuration
public class PdLogWebConfig {
    @Bean
    public PdLogEntries pdLogEntries(JdbcClient jdbc) {
        return new PdLogEntries(jdbc);
    }

    @Bean
    public PdLogQueries pdLogQueries(JdbcClient jdbc, DeviationReviews reviews, PdLogEntries entries) {
        return new PdLogQueries(jdbc, reviews, entries);
    }
}
