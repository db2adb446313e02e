-- Validation circuits (issue 17 part 3, docs/lifecycle.md#validation-circuits): the cadre de facturation (BT-23)
-- each accepted document declares, so routing knows which invoices go to a validator before their recipient.
ALTER TABLE flow_document ADD COLUMN billing_framework VARCHAR(8);

-- One row per invoice held in a circuit: who must answer (the validator's SIRET), by when (platform clock),
-- and the recipient and service routing decided at integration, used once the circuit lets the invoice go on.
CREATE TABLE invoice_circuit (
    invoice_id        VARCHAR(32)   NOT NULL PRIMARY KEY REFERENCES invoice (invoice_id),
    circuit_role      VARCHAR(16)   NOT NULL,
    party_siret       VARCHAR(14)   NOT NULL,
    due_at            TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    buyer_siret       VARCHAR(14)   NOT NULL,
    buyer_service     VARCHAR(200)
);
CREATE INDEX invoice_circuit_by_due ON invoice_circuit (due_at);
