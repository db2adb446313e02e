-- Invoices: one per document accepted by validation, with its current Chorus status; every change of
-- status is kept in invoice_status_history (with the actor, the reason and the reform's lifecycle code).
CREATE TABLE invoice (
    invoice_id          VARCHAR(32)   NOT NULL PRIMARY KEY,   -- <flowId>-<document rank>
    flow_id             VARCHAR(25)   NOT NULL,
    doc_rank            INT           NOT NULL,
    supplier_id         VARCHAR(200),
    invoice_number      VARCHAR(200),
    invoice_year        INT,
    buyer_id            VARCHAR(200),
    service_code        VARCHAR(200),
    engagement_number   VARCHAR(200),
    status              CHAR(2)       NOT NULL,
    status_changed_at   TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    recipient_siret     VARCHAR(14),                           -- set when routed
    routed_service      VARCHAR(100),
    delivery_path       VARCHAR(4096),                         -- the file in the recipient's mailbox
    reason_code         VARCHAR(64),                           -- why it was sent back, when it was
    reason_message      VARCHAR(2000),
    UNIQUE (flow_id, doc_rank)
);
CREATE INDEX invoice_by_status ON invoice (status, invoice_id);
CREATE INDEX invoice_duplicates ON invoice (supplier_id, invoice_number, invoice_year);

CREATE TABLE invoice_status_history (
    invoice_id     VARCHAR(32)  NOT NULL,
    seq            INT          NOT NULL,
    status         CHAR(2)      NOT NULL,
    reform_code    CHAR(3)      NOT NULL,
    actor          VARCHAR(16)  NOT NULL,                     -- PLATFORM, RECIPIENT, SUPPLIER
    reason_code    VARCHAR(64),
    message        VARCHAR(2000),
    changed_at     TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (invoice_id, seq)
);

-- Flows whose accepted documents are registered as invoices: routing's trigger finds new work cheaply.
ALTER TABLE flow ADD COLUMN invoices_registered BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX flow_awaiting_registration ON flow (stage, invoices_registered);

-- The integration report (CR d'intégration) written once routing has decided on every invoice of a flow.
ALTER TABLE flow ADD COLUMN integration_report_path VARCHAR(4096);
ALTER TABLE flow ADD COLUMN integration_reported_at TIMESTAMP(3) WITH TIME ZONE;
