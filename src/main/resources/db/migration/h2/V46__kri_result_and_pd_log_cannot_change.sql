-- KRI results are nightly history: written once, never changed and monitors' PD log entries are their audit trail (V45).
CREATE TRIGGER kri_result_unchangeable BEFORE UPDATE, DELETE ON kri_result FOR EACH ROW CALL 'io.protoguard.storage.RejectChangeTrigger';
CREATE TRIGGER pd_log_entry_unchangeable BEFORE UPDATE, DELETE ON pd_log_entry FOR EACH ROW CALL 'io.protoguard.storage.RejectChangeTrigger';
