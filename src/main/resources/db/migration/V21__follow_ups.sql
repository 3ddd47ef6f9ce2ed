-- A follow-up (绩效运行监控, 绩效自评) is a declaration of its own that follows an approved one: based_on names it,
-- follow_up_period the months a 监控 round covers (01-07; null for a 自评). The base's page lists its follow-ups
-- by based_on, so it is indexed; the document keeps both too, where its uniqueness key reads them.
alter table declaration add column based_on bigint references declaration (id);
alter table declaration add column follow_up_period varchar(5);
create index ix_declaration_based_on on declaration (based_on);
