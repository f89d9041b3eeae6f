-- Hand out event sequence numbers in blocks of 10,000. With the default block (32), H2 commits the sequence's state
-- every 32 accepted events, and with WRITE_DELAY=0 every such commit writes the whole store: a third of the time
-- spent accepting events. A crash only skips the unused numbers of the block; seq stays increasing.
ALTER TABLE event ALTER COLUMN seq SET CACHE 10000;
