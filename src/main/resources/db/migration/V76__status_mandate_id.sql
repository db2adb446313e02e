-- The recipient's own reference for a status change (CPPStatut IdMandatDP, e.g. its mandate number), kept with
-- the change it came with so the lifecycle flow to the supplier can carry it back.
ALTER TABLE invoice_status_history ADD COLUMN mandate_id VARCHAR(100);
