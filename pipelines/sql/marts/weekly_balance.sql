-- one row per (athlete_id, week_start): hard sets of the back groups against the leg groups
-- Reads the registered frame `weekly_volume` (the weekly_muscle_volume mart). A region's sets
-- are the sum of its muscle groups' hard sets, so one set that trains two leg groups counts twice.
with

weekly_volume as (
    select * from weekly_volume
),

muscle_groups as (
    select * from muscle_groups
),

regions as (
    select
        w.athlete_id,
        w.week_start,
        coalesce(sum(w.hard_sets) filter (where g.region = 'back'), 0) as back_sets,
        coalesce(sum(w.hard_sets) filter (where g.region = 'legs'), 0) as legs_sets
    from weekly_volume as w
    inner join muscle_groups as g on g.muscle_group = w.muscle_group::varchar
    group by w.athlete_id, w.week_start
),

final as (
    select
        athlete_id,
        week_start,
        back_sets,
        legs_sets,
        case
            when back_sets + legs_sets > 0 then back_sets / (back_sets + legs_sets)
        end as back_share
    from regions
)

select * from final
order by athlete_id, week_start
