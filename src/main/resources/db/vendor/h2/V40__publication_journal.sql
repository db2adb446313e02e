-- The publication journal (issue 10, ADR 0001): every file the engine publishes into an out/ (deposit and status
-- reports, integration reports, deliveries, completion notices, lifecycle reports, daily summaries) is recorded
-- here, committed while it still waits under its hidden temporary name (PENDING), before the rename that shows it
-- to the partner; then PUBLISHED. Partners download AND delete what we publish: a file missing from out/ says
-- nothing, this row says it was published, so it is never published twice and verify tells consumed from lost.
CREATE TABLE publication (
    mailbox       VARCHAR(32)   NOT NULL,                 -- the out/'s owner: a partner code or a recipient SIRET
    file_name     VARCHAR(1024) NOT NULL,                 -- the published name in that out/
    kind          VARCHAR(24)   NOT NULL,                 -- DEPOSIT_REPORT, STATUS_REPORT, INTEGRATION_REPORT, ...
    subject       VARCHAR(64)   NOT NULL,                 -- the flow, invoice, lifecycle report or day it is about
    sha256        CHAR(64),                               -- of the bytes published (null: journaled by this migration)
    size_bytes    BIGINT,
    state         VARCHAR(10)   NOT NULL,                 -- PENDING (temporary file written, not renamed), PUBLISHED
    journaled_at  TIMESTAMP(3) WITH TIME ZONE NOT NULL,   -- the platform's clock
    published_at  TIMESTAMP(3) WITH TIME ZONE,
    PRIMARY KEY (mailbox, file_name)
);
CREATE INDEX publication_by_state ON publication (state);
CREATE INDEX publication_by_subject ON publication (kind, subject);

-- What earlier versions published, from what they recorded (their fingerprint is unknown).
INSERT INTO publication (mailbox, file_name, kind, subject, state, journaled_at, published_at)
SELECT partner, SUBSTRING(report_path, LOCATE('/', report_path, -1) + 1),
       CASE WHEN interface_number IN ('1300', '1301') THEN 'STATUS_REPORT' ELSE 'DEPOSIT_REPORT' END,
       flow_id, 'PUBLISHED', reported_at, reported_at
FROM flow WHERE stage = 'REPORTED' AND report_path IS NOT NULL;

INSERT INTO publication (mailbox, file_name, kind, subject, state, journaled_at, published_at)
SELECT partner, SUBSTRING(integration_report_path, LOCATE('/', integration_report_path, -1) + 1),
       'INTEGRATION_REPORT', flow_id, 'PUBLISHED', integration_reported_at, integration_reported_at
FROM flow WHERE integration_report_path IS NOT NULL;

INSERT INTO publication (mailbox, file_name, kind, subject, state, journaled_at, published_at)
SELECT SUBSTRING(p.parent, LOCATE('/', p.parent, -1) + 1), p.file_name, 'DELIVERY', p.invoice_id, 'PUBLISHED',
       p.changed_at, p.changed_at
FROM (SELECT i.invoice_id, i.status_changed_at AS changed_at,
             SUBSTRING(i.delivery_path, LOCATE('/', i.delivery_path, -1) + 1) AS file_name,
             SUBSTRING(i.delivery_path, 1, LOCATE('/', SUBSTRING(i.delivery_path, 1,
                 LOCATE('/', i.delivery_path, -1) - 1), -1) - 1) AS parent
      FROM invoice i WHERE i.delivery_path IS NOT NULL) p
WHERE NOT EXISTS (SELECT 1 FROM publication q WHERE q.mailbox = SUBSTRING(p.parent, LOCATE('/', p.parent, -1) + 1)
                  AND q.file_name = p.file_name);

INSERT INTO publication (mailbox, file_name, kind, subject, state, journaled_at, published_at)
SELECT partner, SUBSTRING(file_path, LOCATE('/', file_path, -1) + 1), 'LIFECYCLE_REPORT', report_id,
       CASE WHEN stage = 'WRITTEN' THEN 'PUBLISHED' ELSE 'PENDING' END, produced_at, written_at
FROM lifecycle_report;
