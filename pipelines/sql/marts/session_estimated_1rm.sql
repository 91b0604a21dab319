-- one row per (session, exercise): the best estimated one-rep max and the set it came from
-- The sets as marts/set_estimated_1rm gives them (staging/int_set_estimates), read once: the
-- best set's weight and reps come with it (the earlier set when two tie).
with

set_estimates as (
    select
        set_id,
        session_id,
        athlete_id,
        performed_on,
        exercise_id,
        weight_kg,
        reps,
        e1rm_kg
    from set_estimates($athlete_id, $start, $end, $exercise_id, $formula)
),

final as (
    select
        session_id,
        any_value(athlete_id) as athlete_id,
        any_value(performed_on) as performed_on,
        exercise_id,
        max(e1rm_kg) as e1rm_kg,
        arg_max(set_id, (e1rm_kg, -set_id)) as set_id,
        arg_max(weight_kg, (e1rm_kg, -set_id)) as weight_kg,
        arg_max(reps, (e1rm_kg, -set_id)) as reps
    from set_estimates
    group by session_id, exercise_id
)

select * from final
order by athlete_id, performed_on, session_id, exercise_id
