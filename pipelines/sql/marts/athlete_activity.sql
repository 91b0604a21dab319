-- one row per athlete: unit, number of sessions and when the latest session started
with

athletes as (
    select * from athletes
),

sessions as (
    select * from sessions
),

activity as (
    select
        athlete_id,
        count(*) as sessions,
        max(started_at) as last_session_at
    from sessions
    group by athlete_id
),

final as (
    select
        a.athlete_id,
        a.name,
        a.unit,
        coalesce(v.sessions, 0) as sessions,
        v.last_session_at
    from athletes as a
    left join activity as v on v.athlete_id = a.athlete_id
)

select * from final
order by last_session_at desc nulls last, athlete_id
