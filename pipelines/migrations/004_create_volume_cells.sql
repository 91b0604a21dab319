-- The weekly volume cells, kept ready: one row per (athlete, Monday week, muscle group) that has
-- hard sets, as marts/weekly_muscle_volume computes them, with primary and secondary sets apart
-- so that any secondary weight can be applied when read. Derived data only: every write that
-- can change a cell records the weeks it touched in volume_dirty (in the write's own
-- transaction), and the next reader recounts just those weeks (pipelines/volume_cache.py).

create table volume_cells (
    athlete_id integer not null,
    week_no integer not null,
    muscle_group varchar not null,
    direct_sets bigint not null,
    secondary_sets bigint not null,
    reps bigint not null,
    tonnage_kg double not null,
    estimated_tonnage_kg double not null,
    duration_s double not null
);

-- Weeks whose cells are out of date: (athlete, Monday week number) pairs; a row with a null
-- athlete means every week of every athlete.
create sequence volume_dirty_id_seq start 1;

create table volume_dirty (
    dirty_id bigint not null default nextval('volume_dirty_id_seq'),
    athlete_id integer,
    week_no integer
);

-- Count everything once, on the first read after this migration.
insert into volume_dirty (athlete_id, week_no) values (null, null);
