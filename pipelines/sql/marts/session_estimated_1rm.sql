-- one row per (session, exercise): the best estimated one-rep max and the set it came from
-- The sets as marts/set_estimated_1rm gives them (staging/int_set_estimates).
with

set_estimates as (
    select * from set_estimates($athlete_id, $start, $end, $exercise_id, $formula)
),

final as (
    select
        session_id,
        exercise_id,
        any_value(athlete_id) as athlete_id,
        any_value(performed_on) as performed_on,
        max(e1rm_kg) as e1rm_kg,
        arg_max(set_id, (e1rm_kg, -set_id)) as set_id
    from set_estimates
    group by session_id, exercise_id
)

select
    f.session_id,
    f.athlete_id,
    f.performed_on,
    f.exercise_id,
    f.e1rm_kg,
    f.set_id,
    s.weight_kg,
    s.reps
from final as f
inner join set_estimates as s on s.set_id = f.set_id
order by f.athlete_id, f.performed_on, f.session_id, f.exercise_id
