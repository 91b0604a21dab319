-- one row per set that allows an estimate: its estimated one-rep max in kg
-- Only loaded sets of 1 to 10 effective reps (reps + logged reps in reserve) qualify; warm-ups,
-- timed, distance, assisted and unloaded bodyweight sets have no estimate.
with

loaded_sets as (
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
        reps + coalesce(rir, 0) as effective_reps
    from stg_sets($athlete_id, $start, $end, 1)
    where
        is_hard
        and load_type in ('weighted', 'bodyweight', 'weighted_bodyweight')
        and weight_kg > 0
        and reps >= 1
        and ($exercise_id::varchar is null or exercise_id = $exercise_id::varchar)
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
