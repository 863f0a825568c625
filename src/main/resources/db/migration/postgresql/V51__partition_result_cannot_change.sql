-- Staged partition results are evidence of what a worker found: never changed or deleted (like V5).
CREATE TRIGGER partition_result_unchangeable BEFORE UPDATE OR DELETE ON partition_result FOR EACH ROW EXECUTE FUNCTION protoguard_reject_change();
