-- upload_review and run_protocol_hint are evidence like the runs they belong to (V21).
CREATE TRIGGER upload_review_unchangeable BEFORE UPDATE OR DELETE ON upload_review FOR EACH ROW EXECUTE FUNCTION protoguard_reject_change();
CREATE TRIGGER run_protocol_hint_unchangeable BEFORE UPDATE OR DELETE ON run_protocol_hint FOR EACH ROW EXECUTE FUNCTION protoguard_reject_change();
CREATE TRIGGER upload_review_no_truncate BEFORE TRUNCATE ON upload_review FOR EACH STATEMENT EXECUTE FUNCTION protoguard_reject_change();
CREATE TRIGGER run_protocol_hint_no_truncate BEFORE TRUNCATE ON run_protocol_hint FOR EACH STATEMENT EXECUTE FUNCTION protoguard_reject_change();
