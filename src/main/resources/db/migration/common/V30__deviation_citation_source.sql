-- Where a deviation's citation comes from (SPEC section 6): PROTOCOL, REGULATION or SPONSOR. Runs stored
-- before this column existed keep NULL (not recorded). Numbered 30 to stay clear of other branches' V2x files.
ALTER TABLE deviation ADD COLUMN citation_source VARCHAR(20);
