-- KRI results are nightly history: written once, never changed (V45).
CREATE TRIGGER kri_result_unchangeable BEFORE UPDATE, DELETE ON kri_result FOR EACH ROW CALL 'io.protoguard.storage.RejectChangeTrigger';
