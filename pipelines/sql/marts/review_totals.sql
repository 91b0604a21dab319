-- one row per week (Monday) of one athlete from $first_monday to $last_monday: sessions with a
-- set, their non-warm-up sets, and minutes of the finished ones
with

sessions as (
    select * from sessions
),

sets as (
    select * from sets
),

trained as (
    select
        s.session_id,
        s.started_at::date - (isodow(s.started_at::date) - 1)::integer as week_start,
        count(*) filter (where x.set_type <> 'warmup') as sets,
        coalesce(date_diff('second', any_value(s.started_at), any_value(s.ended_at)) / 60.0, 0)
            as minutes
    from sessions as s
    inner join sets as x on x.session_id = s.session_id
    where
        s.athlete_id = $athlete_id
        and s.started_at >= $first_monday::date
        and s.started_at < $last_monday::date + 7
    group by s.session_id, s.started_at
),

weeks as (
    select unnest(generate_series($first_monday::date, $last_monday::date, interval 7 day))::date
        as week_start
),

final as (
    select
        w.week_start,
        count(t.session_id) as sessions,
        coalesce(sum(t.sets), 0) as sets,
        coalesce(sum(greatest(t.minutes, 0)), 0) as minutes
    from weeks as w
    left join trained as t on t.week_start = w.week_start
    group by w.week_start
)

select * from final
order by week_start
