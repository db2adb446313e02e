-- A chunk's recipients' services read in one query (routing's look-ahead, issue 16): a row-value IN list on
-- (generation_id, structure_identifier). H2 looks such a list up only in an index of exactly those columns: on
-- the primary key (generation_id, structure_identifier, code) it read the whole generation for every chunk
-- (a third of the routing job's time on a 50,000-structure directory). PostgreSQL used the key's prefix already.
CREATE INDEX directory_service_by_structure ON directory_service (generation_id, structure_identifier);
