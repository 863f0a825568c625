-- Staged partition results are evidence of what a worker found: never changed or deleted (like V5).
CREATE TRIGGER partition_result_unchangeable BEFORE UPDATE, DELETE ON partition_result FOR EACH ROW CALL 'io.protoguard.storage.RejectChangeTrigger';
