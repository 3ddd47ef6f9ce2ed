-- A counter every change of the units bumps in its own transaction, so that each node can keep the unit tree in
-- memory and read one row per use instead of the whole tree (issue 23); a change on one node is seen on the
-- next read of every other.
create table organisation_version (
    id      int    not null primary key,
    version bigint not null
);
insert into organisation_version (id, version) values (1, 0);
