-- one row per (athlete_id, week_start, muscle_group): the week's hard sets against its landmarks
-- Reads two registered frames: `weekly_volume` (the weekly_muscle_volume mart) and `landmarks`
-- (the volume_landmarks mart). Status codes follow schemas.TARGET_STATUSES:
-- 0 below maintenance, 1 below minimum effective, 2 productive, 3 above maximum recoverable,
-- 4 no target.
with

weekly_volume as (
    select * from weekly_volume
),

landmarks as (
    select * from landmarks
),

final as (
    select
        w.athlete_id,
        w.week_start,
        w.muscle_group,
        w.hard_sets,
        w.direct_sets,
        w.reps,
        w.tonnage_kg,
        w.estimated_tonnage_kg,
        w.duration_s,
        l.mv_sets,
        l.mev_sets,
        l.mav_low_sets,
        l.mav_high_sets,
        l.mrv_sets,
        case
            when l.mv_sets is null then 4
            when w.hard_sets < l.mv_sets then 0
            when w.hard_sets < l.mev_sets or w.hard_sets = 0 then 1
            when w.hard_sets <= l.mrv_sets then 2
            else 3
        end as status_code,
        w.row_no
    from weekly_volume as w
    left join landmarks as l
        on l.athlete_id = w.athlete_id and l.muscle_group = w.muscle_group::varchar
)

select * exclude (row_no) from final
order by row_no
