-- Tamper evidence: one hash chain per declaration (declaration 0 holds events about no single declaration,
-- such as exports). audit_chain keeps each chain's length and head, so removing the last events shows too,
-- and locking a chain's row serialises appends to that chain only.
alter table audit_event add column seq integer;
alter table audit_event add column prev_hash varchar(64);
alter table audit_event add column hash varchar(64);
create unique index uq_audit_event_chain on audit_event (declaration_id, seq);
create index ix_audit_event_department_year on audit_event (department, budget_year);
create index ix_audit_event_actor on audit_event (actor);
create index ix_audit_event_action on audit_event (action);
create index ix_audit_event_time on audit_event (occurred_at);

create table audit_chain (
    declaration_id  bigint       primary key,
    length          integer      not null,
    head_hash       varchar(64)  not null
);
insert into audit_chain (declaration_id, length, head_hash) values (0, 0, '0000000000000000000000000000000000000000000000000000000000000000');
