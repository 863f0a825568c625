-- Issue 13, central monitoring: each nightly run's site KRIs, one row per study, KRI and site, written with the
-- study's check and never changed (V46 refuses UPDATE and DELETE), so a site's KRI can be followed over runs.
CREATE TABLE kri_result (
    nightly_run_id   BIGINT       NOT NULL REFERENCES nightly_run (id),
    study_id         VARCHAR(100) NOT NULL,
    kri_id           VARCHAR(64)  NOT NULL,
    site             VARCHAR(100) NOT NULL,
    title            VARCHAR(200) NOT NULL,
    kind             VARCHAR(10)  NOT NULL, -- PROPORTION or RATE
    method           VARCHAR(12)  NOT NULL, -- WINSORIZED or GSM
    numerator        DOUBLE PRECISION NOT NULL,
    denominator      DOUBLE PRECISION NOT NULL,
    metric           DOUBLE PRECISION,      -- NULL when the denominator is 0
    z_unadjusted     DOUBLE PRECISION,
    z                DOUBLE PRECISION,
    flag             VARCHAR(6)   NOT NULL, -- NONE, AMBER, RED or SMALL (under the minimum denominator)
    overall          DOUBLE PRECISION NOT NULL, -- p or lambda over all sites
    phi              DOUBLE PRECISION NOT NULL,
    amber            DOUBLE PRECISION NOT NULL,
    red              DOUBLE PRECISION NOT NULL,
    min_denominator  DOUBLE PRECISION NOT NULL,
    as_of            DATE         NOT NULL,
    recorded_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (nightly_run_id, study_id, kri_id, site)
);
CREATE INDEX kri_result_study ON kri_result (study_id, kri_id, site);

