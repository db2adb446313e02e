-- The publication journal's primary key in the order (file_name, mailbox), was (mailbox, file_name) (issue 16,
-- ADR 0031). A routing chunk journals a file per invoice, each in its recipient's mailbox: by mailbox first, its
-- 200 new keys fell on as many leaves of the key's B-tree, each rewritten whole at the commit (H2 writes every
-- modified page; 30,000 invoices wrote ~730 KB per commit in a test of the table alone). A published name starts
-- with the flow or invoice id it is about, drawn in increasing order, so by name first a commit's new keys sit
-- together at a few places (~130 KB per commit in the same test). Every look-up gives both columns (H2's EXPLAIN
-- of each: the primary key); verify reads the journal in the key's order.
ALTER TABLE publication DROP PRIMARY KEY;
ALTER TABLE publication ADD PRIMARY KEY (file_name, mailbox);
