-- H2 persists a sequence each time its cache of numbers runs out, by committing its system session: a whole
-- MVStore store (V225 says how routing paid for it). Every flow taken draws one flow number: with the default
-- cache of 32, a burst paid one extra store per ~32 flows, about one per take group (a group draws its ~30
-- numbers in one statement, FlowRegistry.nextSequences). With 10,000 cached, one store per 10,000 flows. One
-- engine hands the numbers out in turn, so flow ids keep increasing; a crash only skips the numbers cached and not
-- handed out (a gap in the ids, which ADR 0001 already allows: ids are unique and increasing, never dense).
-- The other sequences a burst touches are not per flow (lifecycle_report_sequence: one per lifecycle report;
-- Spring Batch's: a few per job run), and the per-flow tables (flow_document, flow_finding, publication) have
-- no identity column.
ALTER SEQUENCE flow_sequence CACHE 10000;
