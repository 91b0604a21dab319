-- one row per exercise that trained a muscle group in a date range: its role for the group, the
-- sessions and hard sets it had, and the hard sets it gave the group (1 per set as a main muscle,
-- $secondary_weight as a helping one). Warm-ups never count. Only the sets' exercise, type and
-- session are needed, so the athlete's sessions of the range are joined to the sets directly.
with

chosen_sets as (
    select
        x.exercise_id,
        x.session_id,
        s.performed_on,
        x.set_type <> 'warmup' as is_hard
    from sets as x
    inner join sessions_in_range($athlete_id, $start, $end) as s on s.session_id = x.session_id
),

exercises as (
    select * from exercises
),

exercise_muscles as (
    select * from exercise_muscles
),

group_exercises as (
    select
        exercise_id,
        role
    from exercise_muscles
    where muscle_group = $muscle_group::varchar
),

-- the hard sets of exercises that train the group
hard_sets as (
    select
        exercise_id,
        session_id,
        performed_on
    from chosen_sets
    where is_hard and exercise_id in (select exercise_id from group_exercises)
),

final as (
    select
        h.exercise_id,
        e.name as exercise,
        g.role,
        count(distinct h.session_id) as sessions,
        count(*) as sets,
        count(*) * case when g.role = 'primary' then 1.0 else $secondary_weight::double end
            as hard_sets,
        max(h.performed_on) as last_on
    from hard_sets as h
    inner join group_exercises as g on g.exercise_id = h.exercise_id
    inner join exercises as e on e.exercise_id = h.exercise_id
    group by h.exercise_id, e.name, g.role
)

select * from final
order by hard_sets desc, exercise
