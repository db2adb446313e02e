-- A flow whose check breaks (our fault: an exception in a check, a broken stylesheet) is tried again a few
-- times, then answered with an incident report and parked (stage PARKED) until the operator retries it
-- (issue 10, ADR 0001 "Technical faults").
ALTER TABLE flow ADD COLUMN failed_attempts INT DEFAULT 0 NOT NULL;   -- attempts whose validation broke
ALTER TABLE flow ADD COLUMN parked_at TIMESTAMP(3) WITH TIME ZONE;    -- when it was answered with an incident and parked
