-- When a declaration was first submitted: with the year's deadline it tells whether it was late.
alter table declaration add column first_submitted_at timestamp with time zone;
