-- Stored uploads, runs and deviations are evidence: the database refuses to change or delete them.
CREATE TRIGGER upload_unchangeable BEFORE UPDATE, DELETE ON upload FOR EACH ROW CALL 'io.protoguard.storage.RejectChangeTrigger';
CREATE TRIGGER check_run_unchangeable BEFORE UPDATE, DELETE ON check_run FOR EACH ROW CALL 'io.protoguard.storage.RejectChangeTrigger';
CREATE TRIGGER deviation_unchangeable BEFORE UPDATE, DELETE ON deviation FOR EACH ROW CALL 'io.protoguard.storage.RejectChangeTrigger';
CREATE TRIGGER input_error_unchangeable BEFORE UPDATE, DELETE ON input_error FOR EACH ROW CALL 'io.protoguard.storage.RejectChangeTrigger';
CREATE TRIGGER run_report_unchangeable BEFORE UPDATE, DELETE ON run_report FOR EACH ROW CALL 'io.protoguard.storage.RejectChangeTrigger';
CREATE TRIGGER subject_timeline_unchangeable BEFORE UPDATE, DELETE ON subject_timeline FOR EACH ROW CALL 'io.protoguard.storage.RejectChangeTrigger';
CREATE TRIGGER audit_event_unchangeable BEFORE UPDATE, DELETE ON audit_event FOR EACH ROW CALL 'io.protoguard.storage.RejectChangeTrigger';
