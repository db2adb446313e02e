-- The reports a partner gets (CPPSTATUT, always, and DETAILED, our compte rendu), kept with the partner as
-- "CPPSTATUT,DETAILED"; NULL is the default (both).
ALTER TABLE partner ADD COLUMN report_formats VARCHAR(40);
