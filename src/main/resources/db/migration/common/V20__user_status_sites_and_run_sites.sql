-- Issue 10: accounts an ADMIN can disable or remove, monitors assigned to sites, and the sites each stored run holds.
-- (Versions from V20 on: other branches add V6..V19.)

-- ACTIVE, DISABLED (may be enabled again) or REMOVED (for good). A removed user is never deleted: its name is the
-- actor of audit entries, the uploader of runs and the author of reviews, which are append-only; deleting the row
-- would let a new account take the name and inherit that history.
ALTER TABLE app_user ADD COLUMN status VARCHAR(10) DEFAULT 'ACTIVE' NOT NULL;
-- Comma-separated site codes (Subjects.Site) the user may see and upload; ADMIN sees every site whatever this says.
ALTER TABLE app_user ADD COLUMN sites VARCHAR DEFAULT '' NOT NULL;
ALTER TABLE app_user ADD COLUMN changed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE app_user ADD COLUMN changed_by VARCHAR(100);

-- The sites of the subjects of a stored run, written with the run and never changed: what decides who may see it.
CREATE TABLE run_site (
    run_id  BIGINT       NOT NULL REFERENCES check_run (id),
    site    VARCHAR(100) NOT NULL,
    PRIMARY KEY (run_id, site)
);
