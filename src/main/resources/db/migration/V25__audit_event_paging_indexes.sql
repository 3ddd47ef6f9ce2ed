-- An auditor's filtered page is read in id order. With the id in each filter's index, the database reads the page's
-- rows in that order and counts the matches from the index alone, instead of sorting every match: a page of the
-- 100,000 RETURNED events among a million took 200 ms on PostgreSQL (docs/benchmarks.md, issue 23). Same number
-- of indexes as before, so an append costs what it did.
drop index ix_audit_event_actor;
drop index ix_audit_event_action;
drop index ix_audit_event_department_year;
create index ix_audit_event_actor on audit_event (actor, id);
create index ix_audit_event_action on audit_event (action, id);
create index ix_audit_event_department_year on audit_event (department, budget_year, id);
