package io.protoguard.storage;

import io.protoguard.web.WebApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/** The storage slice on H2 (embedded, in memory), migrated by Flyway with the same migrations the service uses. */
@JdbcTest
@ContextConfiguration(classes = WebApplication.class)
@Import({RunArchive.class, RunQueries.class, AuditLog.class, AppUserTable.class})
class RunStorageH2Test extends RunStorageContract {
    @Autowired
    RunArchive archive;
    @Autowired
    RunQueries queries;
    @Autowired
    AuditLog audit;
    @Autowired
    JdbcClient jdbc;

    @Override
    RunArchive archive() {
        return archive;
    }

    @Override
    RunQueries queries() {
        return queries;
    }

    @Override
    AuditLog audit() {
        return audit;
    }

    @Override
    JdbcClient jdbc() {
        return jdbc;
    }
}
