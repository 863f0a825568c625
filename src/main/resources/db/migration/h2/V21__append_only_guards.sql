-- run_site is evidence like the run it belongs to.
CREATE TRIGGER run_site_unchangeable BEFORE UPDATE, DELETE ON run_site FOR EACH ROW CALL 'io.protoguard.storage.RejectChangeTrigger';

-- H2 fires no trigger on TRUNCATE, but refuses to truncate a table that a foreign key refers to. This table never
-- holds a row: its foreign keys exist only so that TRUNCATE TABLE audit_event (and the other append-only tables) is
-- refused. Whoever can drop this table or the triggers (the database owner: anyone with the data folder's owner's
-- shell) can still rewrite history on embedded H2; docs/security.md says so. PostgreSQL with the app role does not.
CREATE TABLE append_only_truncate_guard (
    audit_event_id          BIGINT REFERENCES audit_event (id),
    deviation_id            BIGINT REFERENCES deviation (id),
    input_error_id          BIGINT REFERENCES input_error (id),
    run_report_run_id       BIGINT,
    run_report_format       VARCHAR(10),
    timeline_run_id         BIGINT,
    timeline_subject_id     VARCHAR,
    run_site_run_id         BIGINT,
    run_site_site           VARCHAR(100),
    review_id               BIGINT REFERENCES deviation_review (id),
    observation_run_id      BIGINT,
    observation_fingerprint CHAR(64),
    CONSTRAINT guard_run_report FOREIGN KEY (run_report_run_id, run_report_format) REFERENCES run_report (run_id, report_format),
    CONSTRAINT guard_timeline FOREIGN KEY (timeline_run_id, timeline_subject_id) REFERENCES subject_timeline (run_id, subject_id),
    CONSTRAINT guard_run_site FOREIGN KEY (run_site_run_id, run_site_site) REFERENCES run_site (run_id, site),
    CONSTRAINT guard_observation FOREIGN KEY (observation_run_id, observation_fingerprint)
        REFERENCES deviation_observation (nightly_run_id, fingerprint)
);
CREATE TRIGGER append_only_truncate_guard_empty BEFORE INSERT, UPDATE, DELETE ON append_only_truncate_guard
    FOR EACH ROW CALL 'io.protoguard.storage.RejectChangeTrigger';
