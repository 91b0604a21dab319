-- one row per athlete with weeks to show: the first and last week number of the range
-- The range runs from $start (else the athlete's first session) to $end (else their last);
-- week numbers as the week_no macro counts them, as in weekly_muscle_volume.
with

athletes as (
    select * from athletes
),

chosen_sessions as (
    select
        athlete_id,
        performed_on
    from sessions_in_range($athlete_id, $start, $end)
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
        week_no(first_day, $week_start_isodow) as first_week_no,
        week_no(last_day, $week_start_isodow) as last_week_no
    from spans
    where first_day <= last_day
)

select * from final
order by athlete_id
