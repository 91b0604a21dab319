-- one row per (athlete_id, day) of the range: sessions, sets and minutes; zero on rest days
with

athletes as (
    select * from athletes
),

sets as (
    select * from sets
),

chosen_sessions as (
    select
        session_id,
        athlete_id,
        performed_on,
        coalesce(date_diff('second', started_at, ended_at) / 60.0, 0) as minutes
    from sessions_in_range($athlete_id, $start, $end)
),

trained_sessions as (
    select
        s.session_id,
        any_value(s.athlete_id) as athlete_id,
        any_value(s.performed_on) as performed_on,
        any_value(s.minutes) as minutes,
        count(*) filter (where x.set_type <> 'warmup') as sets
    from chosen_sessions as s
    inner join sets as x on x.session_id = s.session_id
    group by s.session_id
),

days as (
    select
        athlete_id,
        performed_on,
        count(*) as sessions,
        sum(sets) as sets,
        sum(minutes) as minutes
    from trained_sessions
    group by athlete_id, performed_on
),

spans as (
    select
        a.athlete_id,
        coalesce($start::date, min(s.performed_on)) as first_day,
        $end::date as last_day
    from athletes as a
    left join trained_sessions as s on s.athlete_id = a.athlete_id
    where $athlete_id::integer is null or a.athlete_id = $athlete_id::integer
    group by a.athlete_id
),

calendar as (
    select
        athlete_id,
        unnest(generate_series(first_day, last_day, interval 1 day))::date as day
    from spans
    where first_day <= last_day
),

final as (
    select
        c.athlete_id,
        c.day,
        week_start(c.day, $week_start_isodow) as week_start,
        coalesce(d.sessions, 0) as sessions,
        coalesce(d.sets, 0) as sets,
        coalesce(d.minutes, 0) as minutes
    from calendar as c
    left join days as d on d.athlete_id = c.athlete_id and d.performed_on = c.day
)

select * from final
order by athlete_id, day
