-- Hostile inputs (issue 6): a symbolic link, a special file or a file over the size limit is taken without
-- reading a byte of it (moved as is into the archive), so it has no SHA-256.
ALTER TABLE flow ALTER COLUMN sha256 DROP NOT NULL;

-- The same content sent twice by a partner under two names is reported (ADM_CONTENU_DEJA_RECU).
CREATE INDEX flow_by_content ON flow (partner, sha256);
