-- The estimated one-rep max of every set that allows one, as a table macro:
-- set_estimates(athlete or null, from day, to day, exercise or null, formula), one row per set.
-- Only loaded sets of 1 to 10 effective reps (reps + logged reps in reserve) qualify; warm-ups,
-- timed, distance, assisted and unloaded bodyweight sets have no estimate. The formula is
-- epley (else), brzycki, lombardi or oconner. Defined when a database is opened
-- (pipelines/staging.py). e1rm_estimate(weight, effective reps, formula) is the estimate of one
-- qualifying set, also used by marts/personal_records.
create or replace macro e1rm_estimate(weight_kg, effective_reps, formula) as
    case
        when effective_reps = 1 then weight_kg
        when formula = 'brzycki' then weight_kg * 36.0 / (37 - effective_reps)
        when formula = 'lombardi' then weight_kg * power(effective_reps, 0.1)
        when formula = 'oconner' then weight_kg * (1 + 0.025 * effective_reps)
        else weight_kg * (1 + effective_reps / 30.0)
    end;

create or replace macro set_estimates(of_athlete, from_day, to_day, of_exercise, formula) as table
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
        from stg_sets(of_athlete, from_day, to_day, 1)
        where
            is_hard
            and load_type in ('weighted', 'bodyweight', 'weighted_bodyweight')
            and weight_kg > 0
            and reps >= 1
            and (of_exercise::varchar is null or exercise_id = of_exercise::varchar)
    ),

    final as (
        select
            *,
            e1rm_estimate(weight_kg, effective_reps, formula) as e1rm_kg
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
    from final;
