-- Status flows (status updates from recipients, completions from suppliers): what each line of a status
-- file became. Written in the same transaction as the status changes it applied and the flow's verdict
-- (stage REPORT_READY), so the report to the sender is rewritten from here after a crash, never re-applied.
CREATE TABLE status_flow_line (
    flow_id           VARCHAR(25)   NOT NULL,
    line_rank         INT           NOT NULL,                -- order in the report
    kind              VARCHAR(4)    NOT NULL,                -- FILE (about the whole file) or LINE (one status update)
    line_number       INT,                                   -- CSV record's line, XML element's line
    num_ordre         INT,                                   -- XML NumOrdre
    column_number     INT,
    reference         VARCHAR(500),                          -- the invoice reference as the sender wrote it
    invoice_id        VARCHAR(32),                           -- our invoice, when found
    requested_status  VARCHAR(20),
    outcome           VARCHAR(8)    NOT NULL,                -- APPLIED or REJECTED (FILE lines: REJECTED)
    code              VARCHAR(64),                           -- finding code when refused (or a warning)
    severity          VARCHAR(8),
    message           VARCHAR(2000),
    PRIMARY KEY (flow_id, line_rank)
);

-- Which status flow (and line) set a status: shown in the history, and lets a re-sent file be recognised.
ALTER TABLE invoice_status_history ADD COLUMN source_flow_id VARCHAR(25);
ALTER TABLE invoice_status_history ADD COLUMN source_line INT;
