-- one row per bodyweight reading of the athlete in a date range (both ends optional), oldest first
-- In kg and as typed; `session_only` rows are session bodyweights on days without a reading.
with

bodyweights as (
    select * from bodyweights
),

sessions as (
    select * from sessions
),

readings as (
    select
        measured_on,
        bodyweight_kg,
        entered_weight,
        entered_unit,
        'reading' as source
    from bodyweights
    where
        athlete_id = $athlete_id::integer
        and ($start::date is null or measured_on >= $start::date)
        and ($end::date is null or measured_on <= $end::date)
),

session_values as (
    select
        started_at::date as measured_on,
        max(bodyweight_kg) as bodyweight_kg,
        null::double as entered_weight,
        null::varchar as entered_unit,
        'session' as source
    from sessions
    where
        athlete_id = $athlete_id::integer
        and bodyweight_kg is not null
        and ($start::date is null or started_at >= $start::date)
        and ($end::date is null or started_at < $end::date + 1)
    group by started_at::date
),

final as (
    select * from readings
    union all
    select v.*
    from session_values as v
    anti join readings as r on r.measured_on = v.measured_on
)

select * from final
order by measured_on
