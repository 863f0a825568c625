-- PD log entries are an edit history: written once, never changed (V47); a new edit is a new row.
CREATE TRIGGER pd_log_entry_unchangeable BEFORE UPDATE OR DELETE ON pd_log_entry FOR EACH ROW EXECUTE FUNCTION protoguard_reject_change();
CREATE TRIGGER pd_log_entry_no_truncate BEFORE TRUNCATE ON pd_log_entry FOR EACH STATEMENT EXECUTE FUNCTION protoguard_reject_change();
