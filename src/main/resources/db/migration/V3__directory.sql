-- Directory of public structures (annuaire). Each import loads a new generation; routing reads only the
-- generation named in directory_current, switched in one statement once the import is complete, so it
-- never sees a half-loaded directory.
CREATE TABLE directory_generation (
    generation_id     BIGINT PRIMARY KEY,          -- the Spring Batch job instance id of the import
    started_at        TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    activated_at      TIMESTAMP(3) WITH TIME ZONE,
    structures_file   VARCHAR(1024) NOT NULL,
    services_file     VARCHAR(1024) NOT NULL,
    state             VARCHAR(16) NOT NULL,        -- LOADING, ACTIVE, SUPERSEDED, FAILED
    structure_count   INT,
    service_count     INT,
    rejected_rows     INT,
    warning_rows      INT
);

CREATE TABLE directory_current (
    singleton         INT PRIMARY KEY CHECK (singleton = 1),
    generation_id     BIGINT NOT NULL REFERENCES directory_generation (generation_id)
);

CREATE TABLE directory_structure (
    generation_id               BIGINT NOT NULL,
    identifier                  VARCHAR(20) NOT NULL,  -- SIRET (14 digits) for type 1
    identifier_type             INT NOT NULL,
    name                        VARCHAR(400) NOT NULL,
    edi_issuer                  BOOLEAN NOT NULL,
    edi_recipient               BOOLEAN NOT NULL,
    manages_payment_status      BOOLEAN NOT NULL,
    engagement_required         BOOLEAN NOT NULL,
    service_required            BOOLEAN NOT NULL,
    service_or_engagement       BOOLEAN NOT NULL,
    is_moa                      BOOLEAN NOT NULL,
    is_moa_only                 BOOLEAN NOT NULL,
    active                      BOOLEAN NOT NULL,
    checksum_valid              BOOLEAN NOT NULL,
    address                     VARCHAR(400),
    address_line2               VARCHAR(400),
    address_line3               VARCHAR(400),
    postal_code                 VARCHAR(20),
    city                        VARCHAR(200),
    phone                       VARCHAR(50),
    email                       VARCHAR(200),
    country_code                VARCHAR(2),
    country_name                VARCHAR(100),
    PRIMARY KEY (generation_id, identifier)
);

CREATE TABLE directory_service (
    generation_id         BIGINT NOT NULL,
    structure_identifier  VARCHAR(20) NOT NULL,
    code                  VARCHAR(100) NOT NULL,
    name                  VARCHAR(400),
    active                BOOLEAN NOT NULL,
    engagement_required   BOOLEAN NOT NULL,
    start_date            DATE,
    end_date              DATE,
    PRIMARY KEY (generation_id, structure_identifier, code)
);

-- Rows of an import that were skipped (malformed) or kept with a warning; the import report is written
-- from here, so it survives a restart of the import job.
CREATE TABLE directory_import_issue (
    generation_id   BIGINT NOT NULL,
    file_kind       VARCHAR(16) NOT NULL,          -- STRUCTURES, SERVICES
    line_number     BIGINT NOT NULL,
    severity        VARCHAR(8) NOT NULL,           -- REJECTED, WARNING
    reason          VARCHAR(1000) NOT NULL,
    content         VARCHAR(2000)
);
CREATE INDEX directory_import_issue_generation ON directory_import_issue (generation_id, file_kind, line_number);
