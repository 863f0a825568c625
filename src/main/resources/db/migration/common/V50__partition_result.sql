-- Remote partitioning (docs/scaling.md): a nightly partition is a (study, site) pair. Each partition stages what it
-- found here, in the transaction that also completes its step execution; the study's lifecycle is judged once, by
-- the partition that finds all of its study's partitions staged. The primary key is what makes a partition that is
-- redone (a worker killed after its commit, a request delivered twice) store nothing twice. Append-only.
CREATE TABLE partition_result (
    nightly_run_id     BIGINT       NOT NULL REFERENCES nightly_run (id),
    study_id           VARCHAR(100) NOT NULL,
    partition_key      VARCHAR(200) NOT NULL, -- 'all' (a study without sites), 'site-<code>' or 'unlisted'
    step_execution_id  BIGINT       NOT NULL,
    worker             VARCHAR(200) NOT NULL, -- host:pid of the process that did it
    subjects           INTEGER      NOT NULL,
    input_errors       INTEGER      NOT NULL,
    deviations         TEXT         NOT NULL, -- the partition's deviations as JSON, in the engine's order
    recorded_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT partition_result_once PRIMARY KEY (nightly_run_id, study_id, partition_key)
);
