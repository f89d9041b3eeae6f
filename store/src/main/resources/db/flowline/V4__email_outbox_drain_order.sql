-- The sender reads queued mail in drain order (priority, then oldest first) and stops after a batch. With only
-- (status, due_at) indexed, every batch read and sorted all queued mail, which grows with a backlog; this index
-- hands the rows out in order. SQL that both H2 and PostgreSQL accept.
CREATE INDEX email_outbox_drain ON email_outbox (status, priority, created_at, seq);
