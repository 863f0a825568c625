package io.protoguard.storage;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * H2 side of migrations V2, V5 and V21: refuses UPDATE and DELETE on stored uploads, runs, deviations, the audit log
 * and the nightly history (and any row in the empty table that keeps them from being truncated), so a hand-typed
 * statement in the H2 console cannot rewrite what a monitor was shown. The database owner can still drop a trigger:
 * docs/security.md says what embedded H2 cannot promise.
 */
public final class RejectChangeTrigger implements Trigger {
    private String table;

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before, int type) {
        this.table = tableName;
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        String operation = oldRow == null ? "INSERT" : newRow == null ? "DELETE" : "UPDATE";
        throw new SQLException("protoguard: " + operation + " on " + table + " refused: stored runs and deviations are never changed",
                "P0001");
    }
}
