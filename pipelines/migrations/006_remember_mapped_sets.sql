-- Mapping an imported name onto a catalog exercise makes it the same lift: its sets move onto
-- the catalog exercise, so e1RM, records and progression continue one history. This table
-- remembers which exercise each moved set was logged under, so that unmapping (or mapping the
-- name elsewhere) can move exactly those sets back.

create table mapped_sets (
    set_id bigint primary key,
    exercise_id varchar not null
);

create index mapped_sets_exercise on mapped_sets (exercise_id);

-- How each imported name that was not an exact name or alias found its catalog exercise
-- (structure, variant, fuzzy, context) or why it did not (ambiguous), so the Exercises page can
-- show it. One row per name as written; a later import of the same name replaces it.
create table name_matches (
    name varchar primary key,
    exercise_id varchar,
    method varchar not null,
    detail varchar not null,
    matched_at timestamp not null default current_timestamp
);
