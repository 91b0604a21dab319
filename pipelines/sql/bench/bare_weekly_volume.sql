-- one row per (athlete_id, week_start, display_order) that has sets: the benchmark's floor
-- The numbers of marts/weekly_muscle_volume (Monday weeks, secondary muscles half a set) by the
-- same two aggregations, as one bare query: no empty weeks, no ordering, no validation.
with

exercise_loads as (
    select
        exercise_id,
        row_number() over (order by exercise_id) as exercise_no,
        case when load_type in ('bodyweight', 'weighted_bodyweight', 'assisted')
            then bodyweight_factor else 0 end as factor,
        case when load_type in ('weighted', 'bodyweight', 'weighted_bodyweight') then 1
            when load_type = 'assisted' then -1 else 0 end as sign
    from exercises
),

shares as materialized (
    select
        e.exercise_no,
        g.display_order,
        case when m.role = 'primary' then 1.0 else 0.5 end as share,
        (m.role = 'primary')::integer as is_primary
    from exercise_muscles as m
    inner join exercise_loads as e on e.exercise_id = m.exercise_id
    inner join muscle_groups as g on g.muscle_group = m.muscle_group
),

session_weeks as (
    select
        s.session_id,
        s.athlete_id::bigint * 1048576 + (s.started_at::date - date '1970-01-05') // 7
            as athlete_week,
        coalesce(s.bodyweight_kg, b.bodyweight_kg) as bodyweight_kg
    from sessions as s
    asof left join bodyweights as b
        on b.athlete_id = s.athlete_id and b.measured_on <= s.started_at::date
),

per_exercise as (
    select
        w.athlete_week * 1048576 + e.exercise_no as k,
        count(*) as sets,
        sum(x.reps::double) as reps,
        sum(x.reps * greatest(
            coalesce(w.bodyweight_kg * e.factor, 0) + e.sign * coalesce(x.weight_kg, 0), 0
        )) as tonnage_kg,
        sum(x.duration_s) as duration_s
    from sets as x
    inner join session_weeks as w on w.session_id = x.session_id
    inner join exercise_loads as e on e.exercise_id = x.exercise_id
    where x.set_type <> 'warmup'
    group by k
),

per_muscle as (
    select
        (p.k // 1048576) * 32 + s.display_order as k,
        sum(p.sets * s.share) as hard_sets,
        sum(p.sets * s.is_primary) as direct_sets,
        sum(p.reps * s.is_primary) as reps,
        sum(p.tonnage_kg * s.is_primary) as tonnage_kg,
        sum(p.duration_s * s.is_primary) as duration_s
    from per_exercise as p
    inner join shares as s on s.exercise_no = p.k % 1048576
    group by 1
)

-- muscle groups by their display order, as the mart's codes
select
    k // 33554432 as athlete_id,
    date '1970-01-05' + 7 * ((k // 32) % 1048576)::integer as week_start,
    k % 32 as display_order,
    hard_sets,
    direct_sets,
    reps,
    tonnage_kg,
    duration_s
from per_muscle
