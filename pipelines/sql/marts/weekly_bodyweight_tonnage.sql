-- one row per week (Monday) of a date range with sessions: the tonnage of bodyweight moves, and how
-- much of it rests on a bodyweight that was not logged with the session (carried forward from the
-- latest reading) or not known at all (then only the added weight counts, as in
-- weekly_muscle_volume), plus the bodyweight used (the week's mean).
with

sessions as (
    select * from sessions
),

sets as (
    select * from sets
),

exercises as (
    select * from exercises
),

bodyweights as (
    select * from bodyweights
    where athlete_id = $athlete_id::integer
),

chosen_sessions as (
    select
        session_id,
        athlete_id,
        started_at::date as performed_on,
        bodyweight_kg
    from sessions
    where
        athlete_id = $athlete_id::integer
        and ($start::date is null or started_at >= $start::date)
        and ($end::date is null or started_at < $end::date + 1)
),

session_bodyweights as (
    select
        s.session_id,
        s.performed_on,
        s.performed_on - (isodow(s.performed_on) - 1)::integer as week_start,
        coalesce(s.bodyweight_kg, b.bodyweight_kg) as bodyweight_kg,
        case
            when s.bodyweight_kg is not null then 'session'
            when b.bodyweight_kg is not null then 'carried'
            else 'unknown'
        end as bodyweight_source
    from chosen_sessions as s
    asof left join bodyweights as b
        on b.athlete_id = s.athlete_id and b.measured_on <= s.performed_on
),

bodyweight_sets as (
    select
        w.week_start,
        w.bodyweight_source,
        w.bodyweight_kg,
        x.reps * greatest(
            coalesce(w.bodyweight_kg * e.bodyweight_factor, 0)
            + case when e.load_type = 'assisted' then -1 else 1 end * coalesce(x.weight_kg, 0),
            0
        ) as tonnage_kg
    from sets as x
    inner join session_bodyweights as w on w.session_id = x.session_id
    inner join exercises as e on e.exercise_id = x.exercise_id
    where
        x.set_type <> 'warmup'
        and e.load_type in ('bodyweight', 'weighted_bodyweight', 'assisted')
        and x.reps >= 1
),

final as (
    select
        week_start,
        count(*) as sets,
        coalesce(sum(tonnage_kg), 0) as tonnage_kg,
        coalesce(sum(tonnage_kg) filter (where bodyweight_source = 'carried'), 0)
            as carried_tonnage_kg,
        count(*) filter (where bodyweight_source = 'unknown') as unknown_sets,
        avg(bodyweight_kg) as bodyweight_kg
    from bodyweight_sets
    group by week_start
)

select * from final
order by week_start
