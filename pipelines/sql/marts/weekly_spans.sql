-- one row per athlete with weeks to show: the first and last week number of the range
-- The range runs from $start (else the athlete's first session) to $end (else their last);
-- week numbers count from the week start on or after 1970-01-05, as in weekly_muscle_volume.
with

athletes as (
    select * from athletes
),

sessions as (
    select * from sessions
),

chosen_sessions as (
    select
        athlete_id,
        started_at::date as performed_on
    from sessions
    where
        ($athlete_id::integer is null or athlete_id = $athlete_id::integer)
        and ($start::date is null or started_at >= $start::date)
        and ($end::date is null or started_at < $end::date + 1)
),

spans as (
    select
        a.athlete_id,
        coalesce($start::date, min(s.performed_on)) as first_day,
        coalesce($end::date, max(s.performed_on)) as last_day
    from athletes as a
    left join chosen_sessions as s on s.athlete_id = a.athlete_id
    where $athlete_id::integer is null or a.athlete_id = $athlete_id::integer
    group by a.athlete_id
),

final as (
    select
        athlete_id,
        (
            first_day - ((isodow(first_day) - $week_start_isodow + 7) % 7)::integer
            - (date '1970-01-05' + ($week_start_isodow - 1))
        ) // 7 as first_week_no,
        (
            last_day - ((isodow(last_day) - $week_start_isodow + 7) % 7)::integer
            - (date '1970-01-05' + ($week_start_isodow - 1))
        ) // 7 as last_week_no
    from spans
    where first_day <= last_day
)

select * from final
order by athlete_id
