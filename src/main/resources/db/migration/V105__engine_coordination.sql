-- Two engines on one PostgreSQL (ADR 0019). Portable: the same statements on H2 and PostgreSQL.

-- spring-integration-jdbc's lock table (schema-h2.sql / schema-postgresql.sql of 7.1, identical): the leader's lock.
CREATE TABLE INT_LOCK (
    LOCK_KEY CHAR(36) NOT NULL,
    REGION VARCHAR(100) NOT NULL,
    CLIENT_ID CHAR(36),
    CREATED_DATE TIMESTAMP NOT NULL,
    EXPIRED_AFTER TIMESTAMP NOT NULL,
    CONSTRAINT INT_LOCK_PK PRIMARY KEY (LOCK_KEY, REGION)
);

-- Each running engine, and when it last said it was alive (the platform clock): a claim whose engine has not
-- beaten within the lease is a dead engine's and may be taken over.
CREATE TABLE engine_node (
    node_id VARCHAR(100) NOT NULL PRIMARY KEY,
    started_at TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    heartbeat_at TIMESTAMP(3) WITH TIME ZONE NOT NULL
);

-- Work one engine has in hand: a file being taken from in/, a flow being validated and reported.
-- The primary key is the claim: the second engine's insert fails and it leaves the work alone.
CREATE TABLE work_claim (
    subject VARCHAR(600) NOT NULL PRIMARY KEY,
    node_id VARCHAR(100) NOT NULL,
    claimed_at TIMESTAMP(3) WITH TIME ZONE NOT NULL
);
