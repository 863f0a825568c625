package io.protoguard.batch;

import io.protoguard.storage.AppUserTable;
import io.protoguard.storage.UploadFiles;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * The nightly run's Spring context ({@code protoguard nightly}): no web server, the same database settings and
 * migrations as {@code protoguard serve}, the batch job and the storage it writes.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(exclude = {SecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class})
@ComponentScan(basePackages = {"io.protoguard.batch", "io.protoguard.storage"},
        excludeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = {UploadFiles.class, AppUserTable.class}))
public class NightlyApplication {

    public static ConfigurableApplicationContext start(String... args) {
        SpringApplication app = new SpringApplication(NightlyApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setLogStartupInfo(false);
        return app.run(args);
    }
}
