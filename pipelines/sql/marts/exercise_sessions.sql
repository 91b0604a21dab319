-- one row per session in which the athlete did the exercise: its sets, top set, best e1RM, tonnage
-- Loads in kg; `sets_text` lists every set in the athlete's unit ($unit: kg or lb) as typed
-- weight x reps (warm-ups marked w, a bodyweight set without added weight as its reps, a timed
-- set in seconds). Tonnage is reps x load as in weekly_muscle_volume: for bodyweight moves the
-- load is bodyweight x factor + added weight, which rests on an estimate (`tonnage_estimated`).
-- Reads the registered frame `set_estimates` (the set_estimated_1rm mart for this exercise).
with

set_estimates as (
    select * from set_estimates
),

sessions as (
    select * from sessions
),

sets as (
    select * from sets
),

exercises as (
    select * from exercises
),

bodyweights as (
    select * from bodyweights
),

chosen_sessions as (
    select
        session_id,
        athlete_id,
        started_at,
        started_at::date as performed_on,
        name as session_name,
        bodyweight_kg
    from sessions
    where athlete_id = $athlete_id::integer
),

exercise as (
    select
        exercise_id,
        load_type,
        case
            when load_type in ('bodyweight', 'weighted_bodyweight', 'assisted')
                then coalesce(bodyweight_factor, 0)
            else 0
        end as bodyweight_factor
    from exercises
    where exercise_id = $exercise_id::varchar
),

exercise_sets as (
    select
        x.set_id,
        x.session_id,
        x.set_index,
        x.set_type,
        x.weight_kg,
        x.reps,
        x.duration_s,
        e.load_type,
        e.bodyweight_factor
    from sets as x
    inner join exercise as e on e.exercise_id = x.exercise_id
    where x.session_id in (select session_id from chosen_sessions)
),

session_bodyweights as (
    select
        s.session_id,
        coalesce(s.bodyweight_kg, b.bodyweight_kg) as bodyweight_kg
    from chosen_sessions as s
    asof left join bodyweights as b
        on b.athlete_id = s.athlete_id and b.measured_on <= s.performed_on
    where s.session_id in (select session_id from exercise_sets)
),

loaded_sets as (
    select
        x.*,
        greatest(
            coalesce(b.bodyweight_kg * x.bodyweight_factor, 0)
            + case
                when x.load_type in ('weighted', 'bodyweight', 'weighted_bodyweight')
                    then coalesce(x.weight_kg, 0)
                when x.load_type = 'assisted' then -coalesce(x.weight_kg, 0)
                else 0
            end,
            0
        ) as load_kg,
        case
            when coalesce(x.reps, 0) = 0 and x.duration_s is not null
                then printf('%g s', round(x.duration_s, 1))
            when coalesce(x.weight_kg, 0) = 0 then printf('%d', x.reps)
            when x.load_type = 'assisted'
                then printf('-%g × %d', round(x.weight_kg / $unit_kg::double, 1), x.reps)
            else printf('%g × %d', round(x.weight_kg / $unit_kg::double, 1), x.reps)
        end || case when x.set_type = 'warmup' then 'w' else '' end as set_text
    from exercise_sets as x
    left join session_bodyweights as b on b.session_id = x.session_id
),

session_estimates as (
    select
        session_id,
        max(e1rm_kg) as best_e1rm_kg
    from set_estimates
    group by session_id
),

per_session as (
    select
        session_id,
        count(*) filter (where set_type <> 'warmup') as working_sets,
        string_agg(set_text, ', ' order by set_index) as sets_text,
        max(weight_kg) filter (
            where set_type <> 'warmup' and load_type <> 'assisted' and weight_kg > 0
        ) as top_weight_kg,
        coalesce(sum(reps * load_kg) filter (where set_type <> 'warmup'), 0) as tonnage_kg,
        bool_or(bodyweight_factor > 0 and set_type <> 'warmup') as tonnage_estimated
    from loaded_sets
    group by session_id
),

top_reps as (
    select
        x.session_id,
        max(x.reps) as top_reps
    from loaded_sets as x
    inner join per_session as p
        on p.session_id = x.session_id and x.weight_kg = p.top_weight_kg
    where x.set_type <> 'warmup'
    group by x.session_id
),

final as (
    select
        s.session_id,
        s.performed_on,
        s.session_name,
        p.working_sets,
        p.sets_text,
        p.top_weight_kg,
        t.top_reps,
        e.best_e1rm_kg,
        p.tonnage_kg,
        coalesce(p.tonnage_estimated, false) as tonnage_estimated,
        s.started_at
    from per_session as p
    inner join chosen_sessions as s on s.session_id = p.session_id
    left join top_reps as t on t.session_id = p.session_id
    left join session_estimates as e on e.session_id = p.session_id
)

select * exclude (started_at) from final
order by started_at desc, session_id desc
