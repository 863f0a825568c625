package io.protoguard.storage;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * H2 side of migration V2: refuses UPDATE and DELETE on stored uploads, runs, deviations and the audit log,
 * so even a hand-typed statement in the H2 console cannot rewrite what a monitor was shown.
 */
public final class RejectChangeTrigger implements Trigger {
    private String table;

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before, int type) {
        this.table = tableName;
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        String operation = newRow == null ? "DELETE" : "UPDATE";
        throw new SQLException("protoguard: " + operation + " on " + table + " refused: stored runs and deviations are never changed",
                "P0001");
    }
}
