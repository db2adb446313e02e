-- H2 persists a sequence each time its cache of numbers runs out, by committing its system session: a whole
-- MVStore store, mid-transaction, every 32 numbers by default. A routed invoice takes three change numbers (01, 02,
-- 03), so routing paid one extra store per ~11 invoices (8 % of the routing job's CPU, docs/benchmarks.md "session
-- 8"). With 10,000 cached (one store per ~3,300 invoices), the numbers keep their order (one sequence in the engine,
-- handed out in turn); a crash only skips the numbers cached and not handed out (a gap, which the lifecycle
-- report's ranges allow).
ALTER SEQUENCE status_change_sequence CACHE 10000;
