-- GET /api/declarations and GET /api/tasks cut their pages in the database, newest first (id descending) within
-- the caller's scope (department) and, for the review inboxes, the step (status). With the id last in the index,
-- in the order of the lists, the database reads a page in index order and stops after it, instead of reading
-- and sorting every match. (V11 is taken by the organisation migration of another branch.)
create index ix_declaration_department_id on declaration (department, id desc);
create index ix_declaration_status_id on declaration (status, id desc);
create index ix_declaration_status_department_id on declaration (status, department, id desc);
