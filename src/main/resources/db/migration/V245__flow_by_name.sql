-- A group take looks its interrupted takes up by `partner = ? AND original_name IN (…)`: on flow_by_source (partner,
-- original_name, sha256) H2 reads that list by partner only, every flow the partner ever sent, a cost growing with
-- the table (ADR 0001, "What each commit carries"). Led by the name, the list is one range read per name; the
-- look-ups by partner and name (one interrupted take, verify's inboxes and AS2 messages) read it as well, and
-- those by partner alone have flow_by_content_sequence. Same columns, so each flow insert still writes one tree.
DROP INDEX flow_by_source;
CREATE INDEX flow_by_name ON flow (original_name, partner, sha256);
