package io.protoguard.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Once the embedded H2 database is open, its files (the store, the lock file that holds the AUTO_SERVER key, the
 * trace file) are made readable by their owner only: H2 creates them with the process's umask, usually 0644. A
 * database made by an earlier version is tightened the same way. Nothing happens for any other database.
 */
@Component
public class EmbeddedDatabaseFiles {

    public EmbeddedDatabaseFiles(DataSource dataSource, @Value("${spring.datasource.url:}") String url) {
        Path database = EmbeddedH2.databasePath(url);
        if (database == null) return;
        try (Connection c = dataSource.getConnection()) {
            c.isValid(1); // H2 has created its files once a connection is open
        } catch (SQLException e) {
            return; // the data source reports this itself, with its own message, when it is first used
        }
        String prefix = database.getFileName() + ".";
        try (DirectoryStream<Path> files = Files.newDirectoryStream(database.getParent(), p -> p.getFileName().toString().startsWith(prefix))) {
            for (Path f : files) {
                if (Files.isRegularFile(f)) EmbeddedH2.ownerOnly(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("protoguard: cannot restrict the database files in " + database.getParent(), e);
        }
    }
}
