-- H2 fires no trigger on TRUNCATE (PostgreSQL's V46 has kri_result_no_truncate); as V21 does for the other append-only
-- tables, an always-empty table with a foreign key to kri_result makes H2 refuse TRUNCATE TABLE kri_result.
CREATE TABLE append_only_truncate_guard_v49 (
    kri_run_id    BIGINT,
    kri_study_id  VARCHAR(100),
    kri_id        VARCHAR(64),
    kri_site      VARCHAR(100),
    CONSTRAINT guard_kri_result FOREIGN KEY (kri_run_id, kri_study_id, kri_id, kri_site)
        REFERENCES kri_result (nightly_run_id, study_id, kri_id, site)
);
CREATE TRIGGER append_only_truncate_guard_v49_empty BEFORE INSERT, UPDATE, DELETE ON append_only_truncate_guard_v49
    FOR EACH ROW CALL 'io.protoguard.storage.RejectChangeTrigger';
