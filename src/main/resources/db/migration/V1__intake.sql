-- Intake: every flow taken from a partner's in/, its documents and their findings.
-- One row per flow is the source of truth for the crash protocol (docs/adr/0001-intake-crash-safety.md).

-- The 15-digit sequence of flow ids (FACTS §1.3). Sequences never hand out a value twice, even after a crash.
CREATE SEQUENCE flow_sequence START WITH 1 INCREMENT BY 1 MINVALUE 1 MAXVALUE 999999999999999 NO CYCLE;

CREATE TABLE flow (
    flow_id           VARCHAR(25)   NOT NULL PRIMARY KEY,  -- platform code (6) + interface number (4) + sequence (15)
    partner           VARCHAR(6)    NOT NULL,              -- sender's partner code (AAA999)
    original_name     VARCHAR(1024) NOT NULL,              -- name as dropped in in/
    source_path       VARCHAR(4096) NOT NULL,              -- absolute path it was taken from
    source_removed    BOOLEAN       DEFAULT FALSE NOT NULL, -- true once the file is gone from in/
    size_bytes        BIGINT        NOT NULL,
    sha256            CHAR(64)      NOT NULL,
    received_at       TIMESTAMP(3) WITH TIME ZONE NOT NULL, -- UTC, milliseconds
    archive_path      VARCHAR(4096) NOT NULL,              -- archive/yyyy/MM/dd/<flowId>, write-once
    interface_number  CHAR(4)       NOT NULL,              -- from the sniff at take time (in the flow id)
    stage             VARCHAR(16)   NOT NULL,              -- RECEIVED, REPORT_READY, REPORTED
    flow_kind         VARCHAR(16),                         -- XML, ZIP, TAR_GZ, UNSUPPORTED
    syntax            VARCHAR(40),                         -- Chorus syntaxeFlux when all documents agree
    interface_code    VARCHAR(10),                         -- Chorus interface code (FSO1100A...)
    flow_state        VARCHAR(24),                         -- IN_INTEGRE, IN_INTEGRE_PARTIEL, IN_REJETE
    status_code       CHAR(2),                             -- CPPStatut flow status: 90, 96, 93
    validated_at      TIMESTAMP(3) WITH TIME ZONE,
    report_path       VARCHAR(4096),                       -- the deposit report (CR) in the sender's out/
    reported_at       TIMESTAMP(3) WITH TIME ZONE,
    last_incident     VARCHAR(32)                          -- id of the last technical fault met, if any
);
CREATE INDEX flow_by_source ON flow (partner, original_name, sha256);
CREATE INDEX flow_by_stage ON flow (stage);

-- One row per document of a flow (1 for an XML flow, one per entry of a batch). Routing reads accepted ones.
CREATE TABLE flow_document (
    flow_id           VARCHAR(25)   NOT NULL REFERENCES flow (flow_id),
    doc_rank          INT           NOT NULL,              -- 1-based, order in the flow
    entry_name        VARCHAR(1024) NOT NULL,
    syntax            VARCHAR(40),
    decision          VARCHAR(8)    NOT NULL,              -- ACCEPTED or REJECTED (AcceptancePolicy)
    invoice_number    VARCHAR(200),                        -- BT-1
    issue_date        DATE,                                -- BT-2
    type_code         VARCHAR(8),                          -- BT-3
    currency          VARCHAR(8),                          -- BT-5
    supplier_id       VARCHAR(200),                        -- BT-29
    buyer_id          VARCHAR(200),                        -- recipient SIRET (BT-46 UBL / BT-47 CII)
    service_code      VARCHAR(200),                        -- BT-10
    engagement_number VARCHAR(200),                        -- BT-13
    total_with_vat    DECIMAL(21, 6),                      -- BT-112
    PRIMARY KEY (flow_id, doc_rank)
);

-- Finding codes, per document (doc_rank >= 1) or about the flow file itself (doc_rank = 0).
CREATE TABLE flow_finding (
    flow_id           VARCHAR(25)   NOT NULL REFERENCES flow (flow_id),
    doc_rank          INT           NOT NULL,
    finding_rank      INT           NOT NULL,
    code              VARCHAR(64)   NOT NULL,
    severity          VARCHAR(8)    NOT NULL,
    source            VARCHAR(16)   NOT NULL,
    PRIMARY KEY (flow_id, doc_rank, finding_rank)
);
