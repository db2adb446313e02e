-- The publication journal is written at every answer (issue 16, ADR 0001 "A cheaper journal write"): every
-- commit rewrites each B-tree it touches, so the journal keeps only what a reader uses.
-- No reader looks publications up by kind and subject (recovery, verify, the AS2 outbox and the console go by
-- (mailbox, file_name) or by state): the index was one more tree rewritten at every journaled file.
DROP INDEX publication_by_subject;
-- No reader uses the time of the PUBLISHED mark: it was a value written at every mark (journaled_at stays).
ALTER TABLE publication DROP COLUMN published_at;
