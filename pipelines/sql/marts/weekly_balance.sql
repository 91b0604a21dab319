-- one row per (athlete_id, period_start): hard sets of the back groups against the leg groups
-- Reads the table `period_volume` (marts/period_volume, made just before on the same cursor):
-- per week, or per month its average week; `back_total` and `legs_total` are the period's own
-- sums. A region's sets are the sum of its muscle groups' hard sets (muscle_groups.region), so
-- one set that trains two leg groups counts twice.
with

regions as (
    select
        athlete_id,
        period_start,
        coalesce(sum(sets_per_week) filter (where region = 'back'), 0) as back_sets,
        coalesce(sum(sets_per_week) filter (where region = 'legs'), 0) as legs_sets,
        coalesce(sum(hard_sets) filter (where region = 'back'), 0) as back_total,
        coalesce(sum(hard_sets) filter (where region = 'legs'), 0) as legs_total
    from period_volume
    group by athlete_id, period_start
),

final as (
    select
        athlete_id,
        period_start,
        back_sets,
        legs_sets,
        case
            when back_sets + legs_sets > 0 then back_sets / (back_sets + legs_sets)
        end as back_share,
        back_total,
        legs_total
    from regions
)

select * from final
order by athlete_id, period_start
