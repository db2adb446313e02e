-- PostgreSQL keeps the default: its nextval costs no commit, and a cache there is per connection, which would hand
-- out numbers out of the order the changes were written in (the lifecycle report lists them by number). The H2
-- version of this migration caches 10,000 numbers; stated here so both databases have every version.
ALTER SEQUENCE status_change_sequence CACHE 1;
