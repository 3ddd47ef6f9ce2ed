-- What makes a declaration unique (its form definition's "uniqueness" list, e.g. department + year), as a
-- SHA-256 hex digest; null while incomplete (a project name not yet typed). The unique index makes two
-- concurrent creates of the same declaration give one success and one conflict.
alter table declaration add column uniqueness_key varchar(64);
create unique index uq_declaration_uniqueness on declaration (uniqueness_key);
