-- Issue 17, part 2 (ADR 0023): the documents a supplier completes a suspended invoice with. They stay inside the
-- archived completion bundle (write-once); a row says which entry of which bundle completes which invoice, so the
-- redelivery after 12 Complétée reads them back from the archive.
CREATE TABLE completion_document (
    flow_id     VARCHAR(40)  NOT NULL,
    doc_rank    INTEGER      NOT NULL,
    invoice_id  VARCHAR(40)  NOT NULL,
    entry_name  VARCHAR(1000) NOT NULL,
    mime_type   VARCHAR(100) NOT NULL,
    size_bytes  BIGINT       NOT NULL,
    PRIMARY KEY (flow_id, doc_rank)
);
CREATE INDEX completion_document_by_invoice ON completion_document (invoice_id, flow_id);
