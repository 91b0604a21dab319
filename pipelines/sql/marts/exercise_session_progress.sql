-- one row per (exercise, session) of one athlete: the session's top load and how its sets went
-- The top load is the heaviest working or failure set (the lightest for assisted moves, where
-- the weight is help); reps and seconds are those of the sets at that load. Drop sets and
-- warm-ups are left out.
with

sessions as (
    select * from sessions
),

sets as (
    select * from sets
),

exercises as (
    select * from exercises
),

athlete_sets as (
    select
        s.session_id,
        s.started_at,
        s.template_id,
        x.exercise_id,
        x.set_index,
        coalesce(x.weight_kg, 0) as weight_kg,
        x.reps,
        x.duration_s,
        e.load_type = 'assisted' as is_assisted
    from sets as x
    inner join sessions as s on s.session_id = x.session_id
    inner join exercises as e on e.exercise_id = x.exercise_id
    where
        s.athlete_id = $athlete_id
        and s.started_at < $as_of::date + 1
        and x.set_type in ('working', 'failure')
),

top_loads as (
    select
        session_id,
        exercise_id,
        case when any_value(is_assisted) then min(weight_kg) else max(weight_kg) end as load_kg
    from athlete_sets
    group by session_id, exercise_id
),

at_top as (
    select a.*
    from athlete_sets as a
    inner join top_loads as t
        on
            t.session_id = a.session_id
            and t.exercise_id = a.exercise_id
            and t.load_kg = a.weight_kg
),

final as (
    select
        exercise_id,
        session_id,
        any_value(started_at) as started_at,
        any_value(template_id) as template_id,
        any_value(weight_kg) as load_kg,
        count(*) as sets,
        min(reps) as min_reps,
        arg_max(reps, set_index) as last_reps,
        min(duration_s) as min_seconds,
        arg_max(duration_s, set_index) as last_seconds
    from at_top
    group by exercise_id, session_id
)

select * from final
order by exercise_id, started_at, session_id
