-- KRI results are nightly history: written once, never changed (V45).
CREATE TRIGGER kri_result_unchangeable BEFORE UPDATE OR DELETE ON kri_result FOR EACH ROW EXECUTE FUNCTION protoguard_reject_change();
CREATE TRIGGER kri_result_no_truncate BEFORE TRUNCATE ON kri_result FOR EACH STATEMENT EXECUTE FUNCTION protoguard_reject_change();
