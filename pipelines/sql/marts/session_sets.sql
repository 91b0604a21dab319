-- one row per set of one session ($session_id), in set order, with the exercise name
select
    x.set_id, x.set_index, e.name as exercise, x.exercise_id, x.set_type, x.weight_kg,
    x.entered_weight, x.entered_unit, x.reps, x.duration_s, x.distance_m, x.rpe, x.rir, x.side,
    x.notes
from sets as x
inner join exercises as e on e.exercise_id = x.exercise_id
where x.session_id = $session_id
order by x.set_index, x.set_id
