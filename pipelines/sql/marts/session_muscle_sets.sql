-- hard sets per muscle group in one session ($session_id), by the weekly volume's rules: a set
-- counts once for each primary muscle group of its exercise and $secondary_weight for each
-- helping one, warm-ups, misses, easy sets, cardio and held stretches not at all
select
    m.muscle_group,
    sum(case when m.role = 'primary' then 1.0 else $secondary_weight::double end) as hard_sets
from sets as x
inner join exercises as e on e.exercise_id = x.exercise_id
inner join exercise_muscles as m on m.exercise_id = x.exercise_id
inner join muscle_groups as g on g.muscle_group = m.muscle_group
where
    x.session_id = $session_id
    and is_hard_set(x.set_type, x.reps, x.rpe, x.rir)
    and counts_for_muscles(e.category, e.load_type)
group by m.muscle_group, g.display_order
order by hard_sets desc, g.display_order
