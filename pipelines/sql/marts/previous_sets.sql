-- the sets of one exercise in the athlete's latest session before $day that had it, in order
with

last_session as (
    select s.session_id
    from sets as x
    inner join sessions as s on s.session_id = x.session_id
    where
        s.athlete_id = $athlete_id::integer
        and x.exercise_id = $exercise_id::varchar
        and s.started_at < $day::date
    order by s.started_at desc, s.session_id desc
    limit 1
),

final as (
    select
        x.set_index,
        x.set_type,
        x.weight_kg,
        x.entered_weight,
        x.entered_unit,
        x.reps,
        x.duration_s,
        x.rpe,
        s.started_at::date as performed_on
    from sets as x
    inner join sessions as s on s.session_id = x.session_id
    where
        x.session_id = (select session_id from last_session)
        and x.exercise_id = $exercise_id::varchar
)

select * from final
order by set_index
