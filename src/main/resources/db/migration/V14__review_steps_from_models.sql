-- Review steps come from the process models: a status is any step's code (e.g. FINANCE_SECTION_REVIEW), up to 40
-- characters, in the declaration, its review decisions and the audit trail.
alter table declaration alter column status set data type varchar(40);
alter table review_decision alter column step set data type varchar(40);
alter table audit_event alter column status_from set data type varchar(40);
alter table audit_event alter column status_to set data type varchar(40);

-- Holders of a role see what was routed to a step of theirs (role:EXPERT, …): the roles, as ,EXPERT, for a LIKE.
alter table declaration add column routed_roles varchar(200);
update declaration set routed_roles = ',EXPERT,' where expert_routed = true;
alter table declaration drop column expert_routed;

-- The approval instance of the current round, so the engine finds it by id; null for older rounds.
alter table declaration add column process_instance varchar(64);
-- Who submitted the current round: self-review means deciding on one's own submission.
alter table declaration add column submitted_by varchar(100);
