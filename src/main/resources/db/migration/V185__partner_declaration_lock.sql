-- One row that every engine locks (SELECT ... FOR UPDATE) while it writes the configured partners at start-up:
-- two engines starting at once on one database would otherwise both find a partner absent and both insert it
-- (duplicate key on partner_pkey), or both rewrite its structures. The second waits, then updates what the first
-- wrote. A row lock, not LOCK TABLE: the same statement on H2 and PostgreSQL.
CREATE TABLE partner_declaration_lock (
    id INT PRIMARY KEY
);
INSERT INTO partner_declaration_lock (id) VALUES (1);
