-- one row per (athlete_id, period_start, group_index): the period's hard sets against its landmarks
-- Reads the table `period_volume` (marts/period_volume, made just before on the same cursor)
-- and the landmarks (staging/int_volume_landmarks). A week is compared as it is; a month by its
-- average week, and gets no status. Status codes follow schemas.TARGET_STATUSES:
-- 0 below maintenance, 1 below minimum effective, 2 productive, 3 above maximum recoverable,
-- 4 no target (staging volume_status_code). low_ and high_status_code are the statuses with
-- helping muscles counted 0 and 1 (helpers_low_sets, helpers_high_sets). group_index numbers the muscle groups in display order (muscle_group_numbers).
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
        v.helpers_low_sets,
        v.helpers_high_sets,
        case
            when not $by_month::boolean
                then volume_status_code(v.hard_sets, l.mv_sets, l.mev_sets, l.mrv_sets)
        end as status_code,
        case
            when not $by_month::boolean
                then volume_status_code(v.helpers_low_sets, l.mv_sets, l.mev_sets, l.mrv_sets)
        end as low_status_code,
        case
            when not $by_month::boolean
                then volume_status_code(v.helpers_high_sets, l.mv_sets, l.mev_sets, l.mrv_sets)
        end as high_status_code
    from period_volume as v
    left join landmarks as l
        on l.athlete_id = v.athlete_id and l.group_index = v.group_index
)

select * from final
order by athlete_id, period_start, group_index
