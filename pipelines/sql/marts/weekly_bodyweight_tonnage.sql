-- one row per week (Monday) of a date range with bodyweight moves: their tonnage, and how much of
-- it rests on a bodyweight that was not logged with the session (carried forward from the latest
-- reading), the sets whose bodyweight is not known at all (then only the added weight counts, as
-- in weekly_muscle_volume), and the week's mean bodyweight. Loads as staging/stg_sets gives them.
with

chosen_sessions as (
    select * from stg_sessions($athlete_id, $start, $end, 1)
),

chosen_sets as (
    select * from stg_sets($athlete_id, $start, $end, 1)
),

bodyweight_sets as (
    select
        x.week_start,
        x.bodyweight_kg,
        x.reps * x.load_kg as tonnage_kg,
        case
            when s.logged_bodyweight_kg is not null then 'session'
            when x.bodyweight_kg is not null then 'carried'
            else 'unknown'
        end as bodyweight_source
    from chosen_sets as x
    inner join chosen_sessions as s on s.session_id = x.session_id
    where
        x.is_hard
        and x.load_type in ('bodyweight', 'weighted_bodyweight', 'assisted')
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
