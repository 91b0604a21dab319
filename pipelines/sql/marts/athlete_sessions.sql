-- one row per session of one athlete ($athlete_id), newest first, one page of them ($limit
-- rows after skipping $offset): its day, name, number of sets and exercises, and how long it
-- lasted (from its start to its end; empty while it has no end)
with

sessions as (
    select * from sessions
),

sets as (
    select * from sets
),

athlete_sessions as (
    select
        session_id,
        started_at,
        ended_at,
        name,
        source
    from sessions
    where athlete_id = $athlete_id::integer
),

set_counts as (
    select
        x.session_id,
        count(*) as sets,
        count(distinct x.exercise_id) as exercises
    from sets as x
    inner join athlete_sessions as s on s.session_id = x.session_id
    group by x.session_id
),

final as (
    select
        s.session_id,
        s.started_at,
        s.started_at::date as performed_on,
        s.name,
        s.source,
        coalesce(c.sets, 0) as sets,
        coalesce(c.exercises, 0) as exercises,
        date_diff('second', s.started_at, s.ended_at) / 60.0 as duration_min,
        count(*) over () as total_sessions
    from athlete_sessions as s
    left join set_counts as c on c.session_id = s.session_id
)

select * from final
order by started_at desc, session_id desc
limit $limit::integer offset $offset::integer
