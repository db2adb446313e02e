-- PostgreSQL keeps the default: its nextval costs no commit, and a cache there is per connection, which would hand
-- out flow numbers out of the order the flows were taken in (two engines, or two pollers, on one database). The H2
-- version of this migration caches 10,000 numbers; stated here so both databases have every version.
ALTER SEQUENCE flow_sequence CACHE 1;
