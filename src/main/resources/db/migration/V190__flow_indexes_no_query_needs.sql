-- Every commit that writes a flow row rewrites each of the flow table's indexes it touches (H2 writes a chunk per
-- commit, from each modified B-tree's leaf to its root). Two indexes served no query any more (issue 16, ADR 0001
-- "One read per flow, fewer indexes"):
-- flow_by_stage (stage) is the prefix of flow_awaiting_registration (stage, invoices_registered), which serves
-- the same look-ups by stage (parked flows, routing's trigger); every stage change rewrote both.
DROP INDEX flow_by_stage;
-- flow_by_content (partner, sha256) served the earlier-copy look-up until V150's index on (partner,
-- qualification, sha256, flow_sequence) replaced it; no query reads a flow by partner and content alone.
DROP INDEX flow_by_content;
