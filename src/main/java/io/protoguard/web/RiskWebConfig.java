package io.protoguard.web;

import io.protoguard.risk.KriStore;
import io.protoguard.risk.RiskSignals;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The central-monitoring reads the service needs (the risk package itself stays free of Spring annotations). */
@Configuration
public class RiskWebConfig {
    @Bean
    public KriStore kriStore(JdbcClient jdbc) {
        return new KriStore(jdbc);
    }

    @Bean
    public RiskSignals riskSignals(KriStore store) {
        return new RiskSignals(store);
    }
}
