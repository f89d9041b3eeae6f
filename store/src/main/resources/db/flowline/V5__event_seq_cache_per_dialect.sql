-- Migration 1.1 set the event sequence's block to 10,000 on every database. On H2 that block is the one counter all
-- sessions share, so numbers stay in insertion order. On PostgreSQL each session caches its own block: two
-- connections taking turns at inserting events hand out numbers out of order (one session's 10,001 before another's
-- 17), and the dispatcher, which reads accepted events after the highest number it has seen, passed over the lower
-- ones until a restart. PostgreSQL gets a block of 1 again (its sequences cost no extra commit, so nothing is lost);
-- H2 keeps 10,000. The value comes from Migrations (placeholder event_seq_cache).
ALTER TABLE event ALTER COLUMN seq SET CACHE ${event_seq_cache};
