-- Stored uploads, runs and deviations are evidence: the database refuses to change or delete them.
CREATE FUNCTION protoguard_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'protoguard: % on % refused: stored runs and deviations are never changed', TG_OP, TG_TABLE_NAME;
END
$$;
CREATE TRIGGER upload_unchangeable BEFORE UPDATE OR DELETE ON upload FOR EACH ROW EXECUTE FUNCTION protoguard_reject_change();
CREATE TRIGGER check_run_unchangeable BEFORE UPDATE OR DELETE ON check_run FOR EACH ROW EXECUTE FUNCTION protoguard_reject_change();
CREATE TRIGGER deviation_unchangeable BEFORE UPDATE OR DELETE ON deviation FOR EACH ROW EXECUTE FUNCTION protoguard_reject_change();
CREATE TRIGGER input_error_unchangeable BEFORE UPDATE OR DELETE ON input_error FOR EACH ROW EXECUTE FUNCTION protoguard_reject_change();
CREATE TRIGGER run_report_unchangeable BEFORE UPDATE OR DELETE ON run_report FOR EACH ROW EXECUTE FUNCTION protoguard_reject_change();
CREATE TRIGGER subject_timeline_unchangeable BEFORE UPDATE OR DELETE ON subject_timeline FOR EACH ROW EXECUTE FUNCTION protoguard_reject_change();
CREATE TRIGGER audit_event_unchangeable BEFORE UPDATE OR DELETE ON audit_event FOR EACH ROW EXECUTE FUNCTION protoguard_reject_change();
