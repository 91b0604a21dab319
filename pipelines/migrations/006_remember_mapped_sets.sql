-- Mapping an imported name onto a catalog exercise makes it the same lift: its sets move onto
-- the catalog exercise, so e1RM, records and progression continue one history. This table
-- remembers which exercise each moved set was logged under, so that unmapping (or mapping the
-- name elsewhere) can move exactly those sets back.

create table mapped_sets (
    set_id bigint primary key,
    exercise_id varchar not null
);

create index mapped_sets_exercise on mapped_sets (exercise_id);
