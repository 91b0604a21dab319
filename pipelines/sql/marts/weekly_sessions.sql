-- one row per (athlete_id, period_start): sessions with at least one set, and their sets
-- A period is a week starting on $week_start_isodow or, when $by_month, a calendar month, from
-- the one holding $start (else the first session) to the one holding $end (else the last);
-- only the sessions of the range count.
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
        period_start(performed_on, $week_start_isodow, $by_month) as period_start
    from stg_sessions($athlete_id, $start, $end, $week_start_isodow)
),

trained_sessions as (
    select
        s.session_id,
        s.athlete_id,
        s.performed_on,
        s.period_start,
        count(*) filter (where x.set_type <> 'warmup') as sets
    from chosen_sessions as s
    inner join sets as x on x.session_id = s.session_id
    group by s.session_id, s.athlete_id, s.performed_on, s.period_start
),

periods as (
    select
        athlete_id,
        period_start,
        count(*) as sessions,
        sum(sets) as sets
    from trained_sessions
    group by athlete_id, period_start
),

spans as (
    select
        a.athlete_id,
        coalesce($start::date, min(s.performed_on)) as first_day,
        coalesce($end::date, max(s.performed_on)) as last_day
    from athletes as a
    left join trained_sessions as s on s.athlete_id = a.athlete_id
    where $athlete_id::integer is null or a.athlete_id = $athlete_id::integer
    group by a.athlete_id
),

calendar as (
    select
        athlete_id,
        unnest(period_starts(first_day, last_day, $week_start_isodow, $by_month))::date as period_start
    from spans
    where first_day <= last_day
),

final as (
    select
        c.athlete_id,
        c.period_start,
        coalesce(p.sessions, 0) as sessions,
        coalesce(p.sets, 0) as sets
    from calendar as c
    left join periods as p on p.athlete_id = c.athlete_id and p.period_start = c.period_start
)

select * from final
order by athlete_id, period_start
