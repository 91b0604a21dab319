-- one row per set that allows an estimate: its estimated one-rep max in kg
-- (staging/int_set_estimates says which sets qualify)
select *
from set_estimates($athlete_id, $start, $end, $exercise_id, $formula)
order by athlete_id, performed_on, session_id, set_id
