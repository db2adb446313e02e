-- Issue 17, part 5: qualification mailboxes (ADR 0025). A flow dropped in mailboxes/<partner>/qualif/in is a
-- qualification flow; its invoices are qualification invoices: answered like production, never delivered to a
-- recipient, never counted with production, and a status only ever acts within its own environment.
ALTER TABLE flow ADD COLUMN qualification BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE invoice ADD COLUMN qualification BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX invoice_by_environment ON invoice (qualification, status);
