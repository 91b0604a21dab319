-- one row per (athlete_id, period_start): the period's cardio and held stretches, apart from lifting
-- Conditioning is every set of a cardio exercise: its minutes (duration_s / 60) and kilometres
-- (distance_m / 1000), and the sessions holding one. Mobility is every set of a stretch that is
-- held (the sets counts_for_muscles leaves out that are not cardio): its minutes and sessions.
-- Neither is ever a hard set (staging/int_muscle_cells). Warm-ups count too: minutes are
-- minutes. A period is a week starting on $week_start_isodow or, when $by_month, a calendar
-- month, from the one holding $start (else the first session) to the one holding $end (else
-- the last); zeros for periods without any, and only the sessions of the range count.
with

athletes as (
    select * from athletes
),

sets as (
    select * from sets
),

exercises as (
    select * from exercises
),

chosen_sessions as (
    select
        session_id,
        athlete_id,
        performed_on,
        period_start(performed_on, $week_start_isodow, $by_month) as period_start
    from stg_sessions($athlete_id, $start, $end, $week_start_isodow)
),

kinds as (
    select
        exercise_id,
        case
            when coalesce(lower(category), '') = 'cardio' then 'conditioning'
            when not counts_for_muscles(category, load_type) then 'mobility'
        end as kind
    from exercises
),

apart_sets as (
    select
        s.session_id,
        s.athlete_id,
        s.performed_on,
        s.period_start,
        k.kind,
        coalesce(x.duration_s, 0) as duration_s,
        coalesce(x.distance_m, 0) as distance_m
    from chosen_sessions as s
    inner join sets as x on x.session_id = s.session_id
    inner join kinds as k on k.exercise_id = x.exercise_id
    where k.kind is not null
),

periods as (
    select
        athlete_id,
        period_start,
        count(distinct session_id) filter (where kind = 'conditioning')
            as conditioning_sessions,
        coalesce(sum(duration_s) filter (where kind = 'conditioning'), 0) / 60
            as conditioning_minutes,
        coalesce(sum(distance_m) filter (where kind = 'conditioning'), 0) / 1000 as distance_km,
        count(distinct session_id) filter (where kind = 'mobility') as mobility_sessions,
        coalesce(sum(duration_s) filter (where kind = 'mobility'), 0) / 60 as mobility_minutes
    from apart_sets
    group by athlete_id, period_start
),

trained_days as (
    select
        s.athlete_id,
        s.performed_on
    from chosen_sessions as s
    where exists (select 1 from sets as x where x.session_id = s.session_id)
),

spans as (
    select
        a.athlete_id,
        coalesce($start::date, min(d.performed_on)) as first_day,
        coalesce($end::date, max(d.performed_on)) as last_day
    from athletes as a
    left join trained_days as d on d.athlete_id = a.athlete_id
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
        coalesce(p.conditioning_sessions, 0) as conditioning_sessions,
        coalesce(p.conditioning_minutes, 0)::double as conditioning_minutes,
        coalesce(p.distance_km, 0)::double as distance_km,
        coalesce(p.mobility_sessions, 0) as mobility_sessions,
        coalesce(p.mobility_minutes, 0)::double as mobility_minutes
    from calendar as c
    left join periods as p on p.athlete_id = c.athlete_id and p.period_start = c.period_start
)

select * from final
order by athlete_id, period_start
