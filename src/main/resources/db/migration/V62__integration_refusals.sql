-- Issue 9, part 2: the platform's own checks (recipient, service code, engagement, reserved service, double
-- billing) refuse an invoice at integration. A refused invoice never becomes an invoice (no 01 Déposée, no
-- status history): it is one row here, reported in its flow's integration report with the reform's status
-- 213 Rejetée and its reason code (FACTS §5.5). Its id is the one it would have had: <flowId>-<rank>.
CREATE TABLE integration_refusal (
    invoice_id          VARCHAR(32)   NOT NULL PRIMARY KEY,
    flow_id             VARCHAR(25)   NOT NULL,
    doc_rank            INT           NOT NULL,
    supplier_id         VARCHAR(200),
    invoice_number      VARCHAR(200),
    invoice_year        INT,
    buyer_id            VARCHAR(200),
    service_code        VARCHAR(200),
    engagement_number   VARCHAR(200),
    refusal_code        VARCHAR(64)   NOT NULL,                -- a ROUTAGE_* finding code
    refusal_message     VARCHAR(2000) NOT NULL,
    reform_status       CHAR(3)       NOT NULL,                -- 213 Rejetée
    reform_reason       VARCHAR(32)   NOT NULL,                -- DEST_INC, ADR_ERR, REJ_CONT_B2G, DOUBLON
    refused_at          TIMESTAMP(3) WITH TIME ZONE NOT NULL,  -- platform clock
    UNIQUE (flow_id, doc_rank)
);
CREATE INDEX integration_refusal_by_time ON integration_refusal (refused_at, invoice_id);

-- From now on flow.invoices_registered means: every accepted document of the flow is integrated (an invoice)
-- or refused at integration (a row above). Routing reads the accepted documents of the flows not marked yet.

-- Invoices an older version registered in 01 and had not routed yet become accepted documents waiting for
-- integration again, unless a lifecycle report already told the supplier of their 01 (those are left as they are).
UPDATE flow SET invoices_registered = FALSE
WHERE flow_id IN (SELECT i.flow_id FROM invoice i WHERE i.status = '01'
                  AND NOT EXISTS (SELECT 1 FROM invoice_status_history h
                                  WHERE h.invoice_id = i.invoice_id AND h.lifecycle_report_id IS NOT NULL));
DELETE FROM invoice_status_history
WHERE invoice_id IN (SELECT i.invoice_id FROM invoice i WHERE i.status = '01'
                     AND NOT EXISTS (SELECT 1 FROM invoice_status_history h
                                     WHERE h.invoice_id = i.invoice_id AND h.lifecycle_report_id IS NOT NULL));
DELETE FROM invoice i
WHERE i.status = '01'
  AND NOT EXISTS (SELECT 1 FROM invoice_status_history h WHERE h.invoice_id = i.invoice_id);
