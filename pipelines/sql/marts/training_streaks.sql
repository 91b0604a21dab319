-- one row per athlete: the current and the longest run of consecutive training weeks
-- A training week holds at least one session with a set. The current streak ends in the week
-- of $as_of, or in the week before it while the current week has no session yet.
with

athletes as (
    select * from athletes
),

sets as (
    select * from sets
),

chosen_athletes as (
    select athlete_id
    from athletes
    where $athlete_id::integer is null or athlete_id = $athlete_id::integer
),

trained_days as (
    select distinct
        s.athlete_id,
        s.performed_on
    from sessions_in_range($athlete_id, null, $as_of) as s
    where exists (select 1 from sets as x where x.session_id = s.session_id)
),

trained_weeks as (
    select distinct
        athlete_id,
        week_start(performed_on, $week_start_isodow) as week_start
    from trained_days
),

-- consecutive weeks share an island: week number minus rank is constant along a run
islands as (
    select
        athlete_id,
        week_start,
        week_no(week_start, $week_start_isodow)
        - row_number() over (partition by athlete_id order by week_start) as island
    from trained_weeks
),

streaks as (
    select
        athlete_id,
        island,
        min(week_start) as first_week,
        max(week_start) as last_week,
        count(*) as weeks
    from islands
    group by athlete_id, island
),

this_week as (
    select
        week_start($as_of, $week_start_isodow) as week_start
),

current_streaks as (
    select
        s.athlete_id,
        arg_max(s.weeks, s.last_week) as weeks,
        arg_max(s.first_week, s.last_week) as first_week
    from streaks as s
    cross join this_week as t
    where s.last_week >= t.week_start - 7
    group by s.athlete_id
),

longest_streaks as (
    select
        athlete_id,
        arg_max(weeks, (weeks, last_week)) as weeks,
        arg_max(first_week, (weeks, last_week)) as first_week,
        arg_max(last_week, (weeks, last_week)) as last_week
    from streaks
    group by athlete_id
),

last_sessions as (
    select
        athlete_id,
        max(performed_on) as last_session_on
    from trained_days
    group by athlete_id
),

final as (
    select
        a.athlete_id,
        coalesce(c.weeks, 0) as current_weeks,
        c.first_week as current_start,
        coalesce(l.weeks, 0) as longest_weeks,
        l.first_week as longest_start,
        l.last_week as longest_end,
        d.last_session_on
    from chosen_athletes as a
    left join current_streaks as c on c.athlete_id = a.athlete_id
    left join longest_streaks as l on l.athlete_id = a.athlete_id
    left join last_sessions as d on d.athlete_id = a.athlete_id
)

select * from final
order by athlete_id
