-- one row per rep range (1-5, 6-12, 13-20, 21+): one athlete's working, drop and failure sets
-- with reps in the week from $monday
with

sessions as (
    select * from sessions
),

sets as (
    select * from sets
),

ranges as (
    select * from (values (1, '1-5', 1, 5), (2, '6-12', 6, 12), (3, '13-20', 13, 20),
        (4, '21+', 21, 1000000)) as r (position, rep_range, low, high)
),

counted as (
    select x.reps
    from sessions as s
    inner join sets as x on x.session_id = s.session_id
    where
        s.athlete_id = $athlete_id
        and s.started_at >= $monday::date
        and s.started_at < $monday::date + 7
        and x.set_type <> 'warmup'
        and x.reps >= 1
),

final as (
    select
        r.rep_range,
        count(c.reps) as sets
    from ranges as r
    left join counted as c on c.reps between r.low and r.high
    group by r.rep_range, r.position
    order by r.position
)

select
    rep_range,
    sets,
    coalesce(sets / nullif(sum(sets) over (), 0), 0) as share
from final
