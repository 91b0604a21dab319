-- Every import is recorded: which file (its name and a SHA-256 of its bytes), how it was read,
-- what it added and when, so that one import can be undone later. The sessions an import
-- created, and the sets it added to sessions that were already there, are linked to it.
-- The links carry no foreign keys on purpose: a session or set deleted by hand must not be
-- held back by the record of the import that brought it.

create sequence import_id_seq start 1;

create table imports (
    import_id bigint primary key default nextval('import_id_seq'),
    imported_at timestamp not null default current_timestamp,
    file_name varchar not null,
    checksum varchar not null,
    layout varchar not null,
    layout_description varchar not null,
    athlete varchar not null,
    weight_unit varchar,
    distance_unit varchar,
    rows_read bigint not null,
    sets_added bigint not null,
    sessions_added bigint not null,
    duplicates_skipped bigint not null,
    rejected_rows bigint not null,
    flagged_values bigint not null,
    undone_at timestamp
);

create table import_sessions (
    import_id bigint not null references imports (import_id),
    session_id bigint not null
);

create table import_sets (
    import_id bigint not null references imports (import_id),
    set_id bigint not null
);

create index import_sessions_import on import_sessions (import_id);

create index import_sets_import on import_sets (import_id);
