-- one row per muscle group one athlete trained in the week from $monday: the sessions in which
-- a working, drop or failure set credited it (as a main or a helping muscle)
with

sessions as (
    select * from sessions
),

sets as (
    select * from sets
),

exercise_muscles as (
    select * from exercise_muscles
),

final as (
    select
        m.muscle_group,
        count(distinct s.session_id) as sessions
    from sessions as s
    inner join sets as x on x.session_id = s.session_id
    inner join exercise_muscles as m on m.exercise_id = x.exercise_id
    where
        s.athlete_id = $athlete_id
        and s.started_at >= $monday::date
        and s.started_at < $monday::date + 7
        and x.set_type <> 'warmup'
        and (m.role = 'primary' or $secondary_weight::double > 0)
    group by m.muscle_group
)

select * from final
order by muscle_group
