-- PostgreSQL's V265 (db/vendor/h2 has H2's, which says why): the publication journal's primary key in the order
-- (file_name, mailbox), so that a commit's new keys sit together in the index (names start with increasing ids)
-- instead of one per recipient's mailbox all over it.
ALTER TABLE publication DROP CONSTRAINT publication_pkey;
ALTER TABLE publication ADD PRIMARY KEY (file_name, mailbox);
