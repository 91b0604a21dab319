-- one row per record event: the session in which an athlete beat their own best
-- Kinds: heaviest_load (kg), best_e1rm (kg), most_reps at one load (reps; load_kg says which),
-- best_session_tonnage (kg, bodyweight moves estimated as in weekly_muscle_volume). The first
-- value ever logged is the first record, except for most_reps: the first session at a load
-- only sets the mark to beat. Reads the registered frame `set_estimates`.
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
        bodyweight_kg
    from sessions
    where $athlete_id::integer is null or athlete_id = $athlete_id::integer
),

session_bodyweights as (
    select
        s.session_id,
        s.athlete_id,
        s.started_at,
        s.performed_on,
        coalesce(s.bodyweight_kg, b.bodyweight_kg) as bodyweight_kg
    from chosen_sessions as s
    asof left join bodyweights as b
        on b.athlete_id = s.athlete_id and b.measured_on <= s.performed_on
),

working_sets as (
    select
        s.athlete_id,
        s.session_id,
        s.started_at,
        x.exercise_id,
        e.load_type,
        x.weight_kg,
        x.reps,
        greatest(
            case
                when e.load_type in ('bodyweight', 'weighted_bodyweight') then
                    coalesce(s.bodyweight_kg * e.bodyweight_factor, 0) + coalesce(x.weight_kg, 0)
                when e.load_type = 'assisted' then
                    coalesce(s.bodyweight_kg * e.bodyweight_factor, 0) - coalesce(x.weight_kg, 0)
                when e.load_type = 'weighted' then coalesce(x.weight_kg, 0)
                else 0
            end,
            0
        ) as load_kg
    from sets as x
    inner join session_bodyweights as s on s.session_id = x.session_id
    inner join exercises as e on e.exercise_id = x.exercise_id
    where
        x.set_type <> 'warmup'
        and x.reps >= 1
        and ($exercise_id::varchar is null or x.exercise_id = $exercise_id::varchar)
),

session_bests as (
    select
        athlete_id,
        exercise_id,
        session_id,
        any_value(started_at) as started_at,
        'heaviest_load' as record,
        null::double as load_kg,
        max(weight_kg) as value
    from working_sets
    where load_type in ('weighted', 'bodyweight', 'weighted_bodyweight') and weight_kg > 0
    group by athlete_id, exercise_id, session_id

    union all

    select
        e.athlete_id,
        e.exercise_id,
        e.session_id,
        any_value(s.started_at) as started_at,
        'best_e1rm' as record,
        null::double as load_kg,
        max(e.e1rm_kg) as value
    from set_estimates as e
    inner join chosen_sessions as s on s.session_id = e.session_id
    where $exercise_id::varchar is null or e.exercise_id = $exercise_id::varchar
    group by e.athlete_id, e.exercise_id, e.session_id

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
    where load_type in ('weighted', 'bodyweight', 'weighted_bodyweight')
    group by athlete_id, exercise_id, session_id, round(coalesce(weight_kg, 0), 3)

    union all

    select
        athlete_id,
        exercise_id,
        session_id,
        any_value(started_at) as started_at,
        'best_session_tonnage' as record,
        null::double as load_kg,
        sum(reps * load_kg) as value
    from working_sets
    group by athlete_id, exercise_id, session_id
    having sum(reps * load_kg) > 0
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
