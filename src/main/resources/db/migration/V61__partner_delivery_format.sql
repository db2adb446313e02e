-- How a recipient partner wants its invoices (ORIGINAL or PIVOT, docs/formats.md), kept with the partner so that
-- partners read back from the database deliver as declared.
ALTER TABLE partner ADD COLUMN delivery_format VARCHAR(8);
