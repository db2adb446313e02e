-- The supplier's name (BT-27) and identifier scheme (BT-29-1) of each document, for the lifecycle flows written
-- to suppliers as CPPStatut (Fournisseur/RaisonSociale and TypeIdentifiant are mandatory there). Earlier rows
-- keep NULL: their reports fall back on the identifier (docs/formats.md).
ALTER TABLE flow_document ADD COLUMN supplier_name VARCHAR(200);
ALTER TABLE flow_document ADD COLUMN supplier_scheme VARCHAR(8);
