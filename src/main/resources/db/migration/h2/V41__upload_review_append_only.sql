-- upload_review and run_protocol_hint are evidence like the runs they belong to (V21).
CREATE TRIGGER upload_review_unchangeable BEFORE UPDATE, DELETE ON upload_review FOR EACH ROW CALL 'io.protoguard.storage.RejectChangeTrigger';
CREATE TRIGGER run_protocol_hint_unchangeable BEFORE UPDATE, DELETE ON run_protocol_hint FOR EACH ROW CALL 'io.protoguard.storage.RejectChangeTrigger';
CREATE TABLE append_only_truncate_guard_v41 (
    upload_review_id  BIGINT REFERENCES upload_review (id),
    hint_run_id       BIGINT REFERENCES run_protocol_hint (run_id)
);
CREATE TRIGGER append_only_truncate_guard_v41_empty BEFORE INSERT, UPDATE, DELETE ON append_only_truncate_guard_v41
    FOR EACH ROW CALL 'io.protoguard.storage.RejectChangeTrigger';
