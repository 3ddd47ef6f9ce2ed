-- The reminder before a monitoring round's last day is sent once, by whichever node claims it first
-- (update … where reminded_at is null: a row count of 1 means this node sends it).
alter table monitoring_round add column reminded_at timestamp with time zone;
