-- PostgreSQL's V6 (db/vendor/h2 has H2's): a column default reads a sequence with nextval().
-- Lifecycle reports: every status change reaches the supplier once, in a lifecycle report written to the
-- out/ of the partner that deposited the invoice. A change is reported when its history row names a report.

-- The 15-digit sequence of lifecycle report ids (<platform code>1310<sequence>), never handed out twice.
CREATE SEQUENCE lifecycle_report_sequence START WITH 1 INCREMENT BY 1 MINVALUE 1 MAXVALUE 999999999999999 NO CYCLE;

-- Numbers history rows in the order they were written, so a report run can fix the rows it lists
-- (those up to a number) while new changes keep arriving; filled for rows written before this migration.
CREATE SEQUENCE status_change_sequence START WITH 1 INCREMENT BY 1;
ALTER TABLE invoice_status_history ADD COLUMN change_no BIGINT DEFAULT nextval('status_change_sequence') NOT NULL;
ALTER TABLE invoice_status_history ADD COLUMN lifecycle_report_id VARCHAR(25);
CREATE INDEX status_history_by_report ON invoice_status_history (lifecycle_report_id, change_no);

CREATE TABLE lifecycle_report (
    report_id     VARCHAR(25)   NOT NULL PRIMARY KEY,     -- platform code (6) + 1310 + sequence (15)
    partner       VARCHAR(6)    NOT NULL,                 -- the supplier's partner code: the report goes to its out/
    file_path     VARCHAR(4096) NOT NULL,
    stage         VARCHAR(8)    NOT NULL,                 -- READY (rows marked, file not yet renamed), WRITTEN
    changes       INT           NOT NULL,                 -- how many status changes it lists
    produced_at   TIMESTAMP(3) WITH TIME ZONE NOT NULL,   -- its DateProduction: a rewrite gives the same file
    written_at    TIMESTAMP(3) WITH TIME ZONE
);
CREATE INDEX lifecycle_report_by_stage ON lifecycle_report (stage);
