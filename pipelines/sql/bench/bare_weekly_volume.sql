-- one row per (athlete_id, week_start, muscle_group) that has sets: the benchmark's floor
-- The same numbers as marts/weekly_muscle_volume (Monday weeks, secondary muscles half a set),
-- written as one plain join and aggregate: no empty weeks, no ordering, no validation.
with

per_exercise as (
    select
        s.athlete_id,
        s.started_at::date - (isodow(s.started_at::date) - 1)::integer as week_start,
        x.exercise_id,
        count(*) as sets,
        sum(x.reps) as reps,
        sum(
            x.reps * greatest(
                case
                    when e.load_type in ('bodyweight', 'weighted_bodyweight') then
                        coalesce(coalesce(s.bodyweight_kg, b.bodyweight_kg) * e.bodyweight_factor, 0)
                        + coalesce(x.weight_kg, 0)
                    when e.load_type = 'assisted' then
                        coalesce(coalesce(s.bodyweight_kg, b.bodyweight_kg) * e.bodyweight_factor, 0)
                        - coalesce(x.weight_kg, 0)
                    when e.load_type = 'weighted' then coalesce(x.weight_kg, 0)
                    else 0
                end,
                0
            )
        ) as tonnage_kg,
        sum(x.duration_s) as duration_s
    from sets as x
    inner join sessions as s on s.session_id = x.session_id
    asof left join bodyweights as b
        on b.athlete_id = s.athlete_id and b.measured_on <= s.started_at::date
    inner join exercises as e on e.exercise_id = x.exercise_id
    where x.set_type <> 'warmup'
    group by all
)

select
    p.athlete_id,
    p.week_start,
    m.muscle_group,
    sum(p.sets * case when m.role = 'primary' then 1.0 else 0.5 end) as hard_sets,
    sum(p.sets) filter (where m.role = 'primary') as direct_sets,
    sum(p.reps) filter (where m.role = 'primary') as reps,
    sum(p.tonnage_kg) filter (where m.role = 'primary') as tonnage_kg,
    sum(p.duration_s) filter (where m.role = 'primary') as duration_s
from per_exercise as p
inner join exercise_muscles as m on m.exercise_id = p.exercise_id
group by all
