-- one row per (athlete_id, period_start, group_index): the period's hard sets against its landmarks
-- Reads the table `period_volume` (marts/period_volume, made just before on the same cursor)
-- and the landmarks (staging/int_volume_landmarks). A week is compared as it is; a month by its
-- average week, and gets no status. Status codes follow schemas.TARGET_STATUSES:
-- 0 below maintenance, 1 below minimum effective, 2 productive, 3 above maximum recoverable,
-- 4 no target. group_index numbers the muscle groups in display order (muscle_group_numbers).
with

landmarks as (
    select
        l.*,
        g.group_index
    from volume_landmarks_for($athlete_id) as l
    inner join muscle_group_numbers() as g on g.muscle_group = l.muscle_group
),

final as (
    select
        v.athlete_id,
        v.period_start,
        v.group_index,
        v.hard_sets,
        v.direct_sets,
        v.reps,
        v.tonnage_kg,
        v.estimated_tonnage_kg,
        v.duration_s,
        v.sets_per_week,
        l.mv_sets,
        l.mev_sets,
        l.mav_low_sets,
        l.mav_high_sets,
        l.mrv_sets,
        case
            when $by_month::boolean then null
            when l.mv_sets is null then 4
            when v.hard_sets < l.mv_sets then 0
            when v.hard_sets < l.mev_sets or v.hard_sets = 0 then 1
            when v.hard_sets <= l.mrv_sets then 2
            else 3
        end as status_code
    from period_volume as v
    left join landmarks as l
        on l.athlete_id = v.athlete_id and l.group_index = v.group_index
)

select * from final
order by athlete_id, period_start, group_index
