-- one row per (athlete_id, week_no, group_index) with hard sets, read from the kept cells
-- The same columns as marts/weekly_muscle_volume for Monday weeks, from volume_cells (kept
-- current by pipelines/volume_cache.py): whole weeks $first_week..$last_week (either may be
-- null), secondary sets weighted by $secondary_weight when read.
with

volume_cells as (
    select * from volume_cells
),

groups as (
    select * from muscle_group_numbers()
)

select
    c.athlete_id::bigint as athlete_id,
    c.week_no::bigint as week_no,
    g.group_index,
    c.direct_sets + $secondary_weight::double * c.secondary_sets as hard_sets,
    c.direct_sets,
    c.reps,
    c.tonnage_kg,
    c.estimated_tonnage_kg,
    c.duration_s
from volume_cells as c
inner join groups as g on g.muscle_group = c.muscle_group
where
    ($athlete_id::integer is null or c.athlete_id = $athlete_id::integer)
    and ($first_week::integer is null or c.week_no >= $first_week::integer)
    and ($last_week::integer is null or c.week_no <= $last_week::integer)
