-- The declaration list of a user copied in (抄送) looks their copies up by username.
create index ix_declaration_copy_username on declaration_copy (username, declaration_id);
