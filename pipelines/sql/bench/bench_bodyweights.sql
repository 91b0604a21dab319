-- one row per (benchmark athlete, fortnight): the scale reading sessions without their own fall back on
insert into bodyweights (athlete_id, measured_on, bodyweight_kg, entered_weight, entered_unit)
with

athletes as (
    select
        athlete_id,
        row_number() over (order by athlete_id) - 1 as athlete_no
    from athletes
),

readings as (
    select
        a.athlete_id,
        r.day_no,
        round(58 + (hash(a.athlete_no, 'bw') % 45)::double + 3 * sin(r.day_no / 180.0), 1) as kg
    from athletes as a
    cross join range(0, $days, 14) as r (day_no)
)

select
    athlete_id,
    ($end_day::date - $days + 1 + day_no::integer) as measured_on,
    kg as bodyweight_kg,
    kg as entered_weight,
    'kg' as entered_unit
from readings
order by athlete_id, measured_on
