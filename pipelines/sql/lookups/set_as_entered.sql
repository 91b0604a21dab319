-- one row for one logged set ($set_id): its fields as a person typed them, with the session's
-- athlete unit, so an edit is validated exactly like a new set
select
    x.session_id, x.exercise_id as exercise, x.entered_weight as weight, x.entered_unit as unit,
    x.reps, x.duration_s as seconds, x.distance_m, x.set_type, x.rpe, x.rir, x.side, x.notes,
    x.set_index, a.unit as athlete_unit, x.weight_kg
from sets as x
inner join sessions as s on s.session_id = x.session_id
inner join athletes as a on a.athlete_id = s.athlete_id
where x.set_id = $set_id
