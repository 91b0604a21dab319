-- one row per record event: the session in which an athlete beat their own best
-- Kinds: heaviest_load (kg), best_e1rm (kg), most_reps at one load (reps; load_kg says which),
-- best_session_tonnage (kg, loads as staging/stg_sets counts them, bodyweight moves estimated).
-- The first value ever logged is the first record, except for most_reps: the first session at a
-- load only sets the mark to beat. Estimates as marts/set_estimated_1rm gives them (the same
-- qualifying sets and e1rm_estimate, staging/int_set_estimates). The athlete's sets are read
-- once, over the whole history (what counts as a record depends on it), in a few columns.
with

working_sets as (
    select
        athlete_id,
        session_id,
        started_at,
        exercise_id,
        weight_kg,
        reps,
        load_kg,
        load_type in ('weighted', 'bodyweight', 'weighted_bodyweight') as is_loadable,
        reps + coalesce(rir, 0) as effective_reps
    from stg_sets($athlete_id, null, null, 1)
    where
        is_hard
        and reps >= 1
        and ($exercise_id::varchar is null or exercise_id = $exercise_id::varchar)
),

-- each session's best of every kind but most_reps, per exercise
session_values as (
    select
        athlete_id,
        exercise_id,
        session_id,
        any_value(started_at) as started_at,
        max(weight_kg) filter (where is_loadable and weight_kg > 0) as heaviest_load,
        max(e1rm_estimate(weight_kg, effective_reps, $formula)) filter (
            where is_loadable and weight_kg > 0 and effective_reps between 1 and 10
        ) as best_e1rm,
        sum(reps * load_kg) as best_session_tonnage
    from working_sets
    group by athlete_id, exercise_id, session_id
),

session_bests as (
    select
        athlete_id,
        exercise_id,
        session_id,
        started_at,
        record,
        null::double as load_kg,
        value::double as value
    from session_values
    unpivot (value for record in (heaviest_load, best_e1rm, best_session_tonnage))
    where record <> 'best_session_tonnage' or value > 0

    union all

    select
        athlete_id,
        exercise_id,
        session_id,
        any_value(started_at) as started_at,
        'most_reps' as record,
        round(coalesce(weight_kg, 0), 3) as load_kg,
        max(reps) as value
    from working_sets
    where is_loadable
    group by athlete_id, exercise_id, session_id, round(coalesce(weight_kg, 0), 3)
),

compared as (
    select
        *,
        max(value) over (
            partition by athlete_id, exercise_id, record, load_kg
            order by started_at, session_id
            rows between unbounded preceding and 1 preceding
        ) as previous_value,
        started_at = min(started_at) over (partition by athlete_id, exercise_id, record)
            as first_of_exercise
    from session_bests
),

final as (
    select
        c.athlete_id,
        c.exercise_id,
        e.name as exercise,
        c.record,
        c.load_kg,
        c.value,
        case when c.record = 'most_reps' then 'reps' else 'kg' end as unit,
        c.previous_value,
        c.started_at::date as achieved_on,
        c.session_id,
        c.started_at
    from compared as c
    inner join exercises as e on e.exercise_id = c.exercise_id
    where
        (
            c.value > c.previous_value
            or (c.previous_value is null and (c.record <> 'most_reps' or c.first_of_exercise))
        )
        and ($start::date is null or c.started_at >= $start::date)
        and ($end::date is null or c.started_at < $end::date + 1)
)

select * exclude (started_at) from final
order by athlete_id, exercise, achieved_on, session_id, record, load_kg
