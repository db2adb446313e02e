-- Whose clock dates a status (issue 9). changed_at is the platform's record of a change ("recorded at":
-- the platform clock when it integrated the change, never earlier than the invoice's previous change); it
-- orders the history and drives every query, report and summary. declared_at is the time the status's
-- producer declared (CPPStatut Horodatage, CSV date_heure), kept as information; null for the platform's
-- own changes.
ALTER TABLE invoice_status_history ADD COLUMN declared_at TIMESTAMP(3) WITH TIME ZONE;
-- Before this migration a status line's declared time was written as changed_at: it is that line's declared time.
UPDATE invoice_status_history SET declared_at = changed_at WHERE source_flow_id IS NOT NULL;
-- The XML NumOrdre of the line a change came from (source_line is its line in the file).
ALTER TABLE invoice_status_history ADD COLUMN source_num_ordre INT;
