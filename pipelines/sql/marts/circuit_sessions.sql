-- one row per (exercise, session) of one athlete's sessions that followed the template: the
-- top load and how many working sets met the template's prescription for that move
-- A set meets it when it has the prescribed reps (or more), or, for a hold, the prescribed
-- seconds (or more). `expected_sets` is the move's slots times the passes per round.
with

sessions as (
    select * from sessions
),

sets as (
    select * from sets
),

template_items as (
    select * from template_items
),

workout_templates as (
    select * from workout_templates
),

prescriptions as (
    select
        i.exercise_id,
        min(i.reps) as target_reps,
        min(i.seconds) as target_seconds,
        count(*) * any_value(t.passes_per_round) as expected_sets
    from template_items as i
    inner join workout_templates as t on t.template_id = i.template_id
    where i.template_id = $template_id and i.role = 'main'
    group by i.exercise_id
),

done as (
    select
        x.exercise_id,
        s.session_id,
        s.started_at,
        coalesce(x.weight_kg, 0) as weight_kg,
        (p.target_reps is not null and x.reps >= p.target_reps and x.reps > 0)
        or (p.target_seconds is not null and x.duration_s >= p.target_seconds) as met
    from sessions as s
    inner join sets as x on x.session_id = s.session_id
    inner join prescriptions as p on p.exercise_id = x.exercise_id
    where
        s.athlete_id = $athlete_id
        and s.template_id = $template_id
        and s.started_at < $as_of::date + 1
        and x.set_type in ('working', 'failure')
),

final as (
    select
        d.exercise_id,
        d.session_id,
        any_value(d.started_at) as started_at,
        max(d.weight_kg) as load_kg,
        count(*) as sets,
        count(*) filter (where d.met) as sets_met,
        any_value(p.expected_sets) as expected_sets
    from done as d
    inner join prescriptions as p on p.exercise_id = d.exercise_id
    group by d.exercise_id, d.session_id
)

select * from final
order by exercise_id, started_at, session_id
