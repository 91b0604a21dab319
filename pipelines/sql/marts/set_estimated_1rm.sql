-- one row per set that allows an estimate: its estimated one-rep max in kg
-- Only loaded sets of 1 to 10 effective reps (reps + logged reps in reserve) qualify; warm-ups,
-- timed, distance, assisted and unloaded bodyweight sets have no estimate.
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

chosen_sessions as (
    select
        session_id,
        athlete_id,
        started_at::date as performed_on
    from sessions
    where
        ($athlete_id::integer is null or athlete_id = $athlete_id::integer)
        and ($start::date is null or started_at >= $start::date)
        and ($end::date is null or started_at < $end::date + 1)
),

loaded_sets as (
    select
        x.set_id,
        x.session_id,
        s.athlete_id,
        s.performed_on,
        x.exercise_id,
        x.set_type,
        x.weight_kg,
        x.reps,
        x.rir,
        x.reps + coalesce(x.rir, 0) as effective_reps
    from sets as x
    inner join chosen_sessions as s on s.session_id = x.session_id
    inner join exercises as e on e.exercise_id = x.exercise_id
    where
        x.set_type <> 'warmup'
        and e.load_type in ('weighted', 'bodyweight', 'weighted_bodyweight')
        and x.weight_kg > 0
        and x.reps >= 1
        and ($exercise_id::varchar is null or x.exercise_id = $exercise_id::varchar)
),

final as (
    select
        *,
        case
            when effective_reps = 1 then weight_kg
            when $formula = 'brzycki' then weight_kg * 36.0 / (37 - effective_reps)
            when $formula = 'lombardi' then weight_kg * power(effective_reps, 0.1)
            when $formula = 'oconner' then weight_kg * (1 + 0.025 * effective_reps)
            else weight_kg * (1 + effective_reps / 30.0)
        end as e1rm_kg
    from loaded_sets
    where effective_reps between 1 and 10
)

select
    set_id,
    session_id,
    athlete_id,
    performed_on,
    exercise_id,
    set_type,
    weight_kg,
    reps,
    rir,
    effective_reps,
    e1rm_kg
from final
order by athlete_id, performed_on, session_id, set_id
