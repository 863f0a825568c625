-- Runs after every Flyway migrate (as the schema owner): the application role's privileges, as docs/security.md lists
-- them. Append-only tables: SELECT and INSERT. Tables whose rows really change state: also UPDATE. DELETE, TRUNCATE,
-- REFERENCES, TRIGGER and DDL: never. Skipped when the service connects as the owner itself (one-user setups).
DO $grants$
DECLARE
    app text := '${appRole}';
    s   text := current_schema();
    t   text;
BEGIN
    IF app = '' OR app = current_user THEN
        RETURN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = app) THEN
        RAISE EXCEPTION 'protoguard: the application role "%" does not exist: create it (CREATE ROLE % LOGIN PASSWORD ''...'') and start again', app, app;
    END IF;
    EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA %I FROM %I', s, app);
    EXECUTE format('REVOKE ALL ON ALL SEQUENCES IN SCHEMA %I FROM %I', s, app);
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', s, app);
    FOREACH t IN ARRAY ARRAY['upload', 'check_run', 'deviation', 'input_error', 'run_report', 'subject_timeline', 'run_site',
            'audit_event', 'nightly_run', 'study_run', 'deviation_identity', 'deviation_observation', 'deviation_review',
            'upload_review', 'run_protocol_hint', 'kri_result', 'pd_log_entry', 'partition_result'] LOOP
        EXECUTE format('GRANT SELECT, INSERT ON %I.%I TO %I', s, t, app);
    END LOOP;
    FOREACH t IN ARRAY ARRAY['app_user', 'study', 'nightly_lease', 'batch_job_instance', 'batch_job_execution',
            'batch_job_execution_params', 'batch_step_execution', 'batch_step_execution_context',
            'batch_job_execution_context'] LOOP
        EXECUTE format('GRANT SELECT, INSERT, UPDATE ON %I.%I TO %I', s, t, app);
    END LOOP;
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO %I', s, app);
END
$grants$;
