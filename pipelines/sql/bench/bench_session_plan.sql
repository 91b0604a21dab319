-- one row per benchmark session: its athlete, day, program day, bodyweight and where its sets start
create or replace temp table bench_session_plan as
with

athletes as (
    select
        athlete_id,
        unit,
        row_number() over (order by athlete_id) - 1 as athlete_no
    from athletes
),

slots as (
    select
        k,
        k % $athletes as athlete_no,
        k // $athletes as nth,
        ceil($sessions / $athletes)::bigint as per_athlete
    from range($sessions) as r (k)
),

days as (
    select
        s.k,
        s.athlete_no,
        s.nth,
        -- spread each athlete's sessions evenly over the years, a day or so either way
        least(
            $days - 1,
            greatest(
                0,
                floor((s.nth + 0.5) * $days / s.per_athlete)::integer
                + (hash(s.k, 'day') % 3)::integer - 1
            )
        ) as day_no
    from slots as s
),

planned as (
    select
        d.k,
        a.athlete_id,
        a.unit,
        d.athlete_no,
        d.nth,
        d.nth % 3 as program_day,
        ($end_day::date - $days + 1 + d.day_no)::timestamp
        + to_minutes((6 * 60 + hash(d.k, 'minute') % (14 * 60))::bigint) as started_at,
        -- bodyweight: an athlete's own level with a slow drift; one session in seven omits it
        case
            when hash(d.k, 'bw') % 7 = 0 then null
            else round(
                58 + (hash(d.athlete_no, 'bw') % 45)::double
                + 3 * sin(d.day_no / 180.0),
                1
            )
        end as bodyweight_kg,
        d.day_no / $days::double as progress
    from days as d
    inner join athletes as a on a.athlete_no = d.athlete_no
),

numbered as (
    select
        *,
        row_number() over (order by started_at, athlete_id) as seq
    from planned
),

final as (
    select
        seq as session_id,
        athlete_id,
        unit,
        athlete_no,
        program_day,
        started_at,
        bodyweight_kg,
        progress,
        -- where this session's sets start: about 24 apart, jittered, exact total at the end
        case
            when seq = 1 then 0
            else floor((seq - 1) * $sets / $sessions)::bigint + (hash(seq, 'n') % 15)::bigint - 7
        end as first_set
    from numbered
)

select
    session_id,
    athlete_id,
    unit,
    athlete_no,
    program_day,
    started_at,
    bodyweight_kg,
    progress,
    first_set,
    coalesce(lead(first_set) over (order by session_id), $sets::bigint) - first_set as n_sets
from final
