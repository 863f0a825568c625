-- PD log entries are an edit history: written once, never changed (V47); a new edit is a new row.
CREATE TRIGGER pd_log_entry_unchangeable BEFORE UPDATE, DELETE ON pd_log_entry FOR EACH ROW CALL 'io.protoguard.storage.RejectChangeTrigger';

-- H2 fires no trigger on TRUNCATE but refuses to truncate a table a foreign key refers to (see V21): this table never
-- holds a row; its foreign key exists only so that TRUNCATE TABLE pd_log_entry is refused.
CREATE TABLE pd_log_entry_truncate_guard (
    pd_log_entry_id BIGINT REFERENCES pd_log_entry (id)
);
CREATE TRIGGER pd_log_entry_truncate_guard_empty BEFORE INSERT, UPDATE, DELETE ON pd_log_entry_truncate_guard
    FOR EACH ROW CALL 'io.protoguard.storage.RejectChangeTrigger';
