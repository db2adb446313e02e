-- A flow's sequence (the last 15 digits of its id) in a column of its own, indexed after the content it is
-- looked up by: "the first earlier flow of this partner with the same content" (ADM_CONTENU_DEJA_RECU) becomes
-- one index range read, instead of sorting every earlier copy on SUBSTRING(flow_id, 11, 15) (issue 16: a burst
-- holding the same file 500 times sorted up to 500 rows per flow). Filled by the intake at the take.
ALTER TABLE flow ADD COLUMN flow_sequence BIGINT;
UPDATE flow SET flow_sequence = CAST(SUBSTRING(flow_id, 11, 15) AS BIGINT) WHERE sha256 IS NOT NULL;
CREATE INDEX flow_by_content_sequence ON flow (partner, qualification, sha256, flow_sequence);
