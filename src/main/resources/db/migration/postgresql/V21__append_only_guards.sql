-- run_site is evidence like the run it belongs to.
CREATE TRIGGER run_site_unchangeable BEFORE UPDATE OR DELETE ON run_site FOR EACH ROW EXECUTE FUNCTION protoguard_reject_change();

-- Row triggers do not fire on TRUNCATE: statement triggers refuse it on every append-only table, for every role
-- (the application role has no TRUNCATE privilege either; see afterMigrate.sql).
CREATE TRIGGER upload_no_truncate BEFORE TRUNCATE ON upload FOR EACH STATEMENT EXECUTE FUNCTION protoguard_reject_change();
CREATE TRIGGER check_run_no_truncate BEFORE TRUNCATE ON check_run FOR EACH STATEMENT EXECUTE FUNCTION protoguard_reject_change();
CREATE TRIGGER deviation_no_truncate BEFORE TRUNCATE ON deviation FOR EACH STATEMENT EXECUTE FUNCTION protoguard_reject_change();
CREATE TRIGGER input_error_no_truncate BEFORE TRUNCATE ON input_error FOR EACH STATEMENT EXECUTE FUNCTION protoguard_reject_change();
CREATE TRIGGER run_report_no_truncate BEFORE TRUNCATE ON run_report FOR EACH STATEMENT EXECUTE FUNCTION protoguard_reject_change();
CREATE TRIGGER subject_timeline_no_truncate BEFORE TRUNCATE ON subject_timeline FOR EACH STATEMENT EXECUTE FUNCTION protoguard_reject_change();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event FOR EACH STATEMENT EXECUTE FUNCTION protoguard_reject_change();
CREATE TRIGGER run_site_no_truncate BEFORE TRUNCATE ON run_site FOR EACH STATEMENT EXECUTE FUNCTION protoguard_reject_change();
CREATE TRIGGER nightly_run_no_truncate BEFORE TRUNCATE ON nightly_run FOR EACH STATEMENT EXECUTE FUNCTION protoguard_reject_change();
CREATE TRIGGER study_run_no_truncate BEFORE TRUNCATE ON study_run FOR EACH STATEMENT EXECUTE FUNCTION protoguard_reject_change();
CREATE TRIGGER deviation_identity_no_truncate BEFORE TRUNCATE ON deviation_identity FOR EACH STATEMENT EXECUTE FUNCTION protoguard_reject_change();
CREATE TRIGGER deviation_observation_no_truncate BEFORE TRUNCATE ON deviation_observation FOR EACH STATEMENT EXECUTE FUNCTION protoguard_reject_change();
CREATE TRIGGER deviation_review_no_truncate BEFORE TRUNCATE ON deviation_review FOR EACH STATEMENT EXECUTE FUNCTION protoguard_reject_change();
