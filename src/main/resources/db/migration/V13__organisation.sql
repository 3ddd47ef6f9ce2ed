-- The organisation in the database (identity.Directory): budget units in a tree, users and their roles.
-- Portable between H2 and PostgreSQL.
--   kind: DEPARTMENT 主管部门 (一级预算单位), SUB_UNIT 二级单位 (parent: its 主管部门 or another unit under it),
--         FINANCE_SECTION 财政业务科室 (reviews the 主管部门 归口 to it, finance_oversight),
--         PERFORMANCE_SECTION 绩效科 (a finance unit that sees and reviews all).
-- A unit is never deleted once it has declarations (the foreign key below); it is deactivated instead.
create table budget_unit (
    code            varchar(50)   primary key,
    name            varchar(200)  not null,
    kind            varchar(30)   not null,
    parent_code     varchar(50),
    active          boolean       default true not null,
    lock_version    bigint        default 0 not null,
    constraint fk_budget_unit_parent foreign key (parent_code) references budget_unit (code)
);
create index ix_budget_unit_parent on budget_unit (parent_code);

-- 归口: which 主管部门 a 财政业务科室 reviews.
create table finance_oversight (
    finance_unit    varchar(50)   not null,
    department      varchar(50)   not null,
    constraint pk_finance_oversight primary key (finance_unit, department),
    constraint fk_oversight_finance foreign key (finance_unit) references budget_unit (code),
    constraint fk_oversight_department foreign key (department) references budget_unit (code)
);

create table app_user (
    username        varchar(100)  primary key,
    display_name    varchar(200)  not null,
    unit_code       varchar(50),
    -- Spring Security's encoded form, {bcrypt}$2a$... (the demo profile's {noop}demo is refused in prod).
    password        varchar(500)  not null,
    enabled         boolean       default true not null,
    failed_logins   integer       default 0 not null,
    locked_until    timestamp with time zone,
    lock_version    bigint        default 0 not null,
    constraint fk_app_user_unit foreign key (unit_code) references budget_unit (code)
);

create table app_user_role (
    username        varchar(100)  not null,
    role            varchar(30)   not null,
    constraint pk_app_user_role primary key (username, role),
    constraint fk_app_user_role_user foreign key (username) references app_user (username)
);

-- Declarations filed while departments were configuration: each code becomes a 主管部门 named by its code until the
-- configured seed (perftarget.security) gives it its name; from now on a declaration's department is a unit.
insert into budget_unit (code, name, kind, active)
    select distinct department, department, 'DEPARTMENT', true from declaration;
alter table declaration add constraint fk_declaration_unit foreign key (department) references budget_unit (code);

-- The 主管部门 that reviews the declaration, fixed at each submission: the unit's 主管部门 at that time, so a unit
-- moved later keeps its reviews where they were. Until now every unit was a 主管部门 of its own.
alter table declaration add column review_department varchar(50);
alter table declaration add constraint fk_declaration_review_department
    foreign key (review_department) references budget_unit (code);
update declaration set review_department = department where first_submitted_at is not null;
create index ix_declaration_review_department on declaration (review_department);

-- Experts see what was routed to them: set when a declaration enters 专家评审, never cleared.
alter table declaration add column expert_routed boolean default false not null;
update declaration set expert_routed = true
    where status = 'EXPERT_REVIEW' or id in (select declaration_id from review_decision where step = 'EXPERT_REVIEW');
