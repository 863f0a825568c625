-- Nightly history is evidence like stored runs: the database refuses to change or delete it (the study registry
-- and the lease heartbeat are configuration and bookkeeping, and stay updatable).
CREATE TRIGGER nightly_run_unchangeable BEFORE UPDATE OR DELETE ON nightly_run FOR EACH ROW EXECUTE FUNCTION protoguard_reject_change();
CREATE TRIGGER study_run_unchangeable BEFORE UPDATE OR DELETE ON study_run FOR EACH ROW EXECUTE FUNCTION protoguard_reject_change();
CREATE TRIGGER deviation_identity_unchangeable BEFORE UPDATE OR DELETE ON deviation_identity FOR EACH ROW EXECUTE FUNCTION protoguard_reject_change();
CREATE TRIGGER deviation_observation_unchangeable BEFORE UPDATE OR DELETE ON deviation_observation FOR EACH ROW EXECUTE FUNCTION protoguard_reject_change();
CREATE TRIGGER deviation_review_unchangeable BEFORE UPDATE OR DELETE ON deviation_review FOR EACH ROW EXECUTE FUNCTION protoguard_reject_change();
