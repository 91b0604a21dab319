-- one row per (athlete_id, week_start, group_index): a Monday week's hard sets against its landmarks
-- A plain read of the kept weekly cells (volume_cells, current: pipelines/volume_cache.py) of
-- one athlete ($athlete_id, or everyone when null), from the week holding $start (else the
-- athlete's first session) to the week holding $end (else the last), every muscle group of
-- every week, zeros too. Whole weeks only: the caller counts from the sets instead
-- (marts/period_volume) when a week cut by the range has sessions outside it. Status codes as
-- marts/period_volume_status (schemas.TARGET_STATUSES, staging volume_status_code).
with

athletes as (
    select * from athletes
),

volume_cells as (
    select * from volume_cells
),

groups as (
    select * from muscle_group_numbers()
),

spans as (
    select
        a.athlete_id,
        week_no(coalesce($start::date, min(s.performed_on)), 1) as first_week_no,
        week_no(coalesce($end::date, max(s.performed_on)), 1) as last_week_no
    from athletes as a
    left join sessions_in_range($athlete_id, $start, $end) as s on s.athlete_id = a.athlete_id
    where $athlete_id::integer is null or a.athlete_id = $athlete_id::integer
    group by a.athlete_id
),

weeks as (
    select
        athlete_id,
        unnest(generate_series(first_week_no, last_week_no)) as week_no
    from spans
    where first_week_no <= last_week_no
),

cells as (
    select c.*
    from volume_cells as c
    inner join spans as p on p.athlete_id = c.athlete_id
    where c.week_no between p.first_week_no and p.last_week_no
),

landmarks as (
    select
        l.*,
        g.group_index
    from volume_landmarks_for($athlete_id) as l
    inner join groups as g on g.muscle_group = l.muscle_group
),

counted as (
    select
        w.athlete_id,
        w.week_no,
        g.group_index,
        coalesce(c.direct_sets, 0)
        + $secondary_weight::double * coalesce(c.secondary_sets, 0) as hard_sets,
        coalesce(c.direct_sets, 0)::bigint as direct_sets,
        coalesce(c.reps, 0)::bigint as reps,
        coalesce(c.tonnage_kg, 0)::double as tonnage_kg,
        coalesce(c.estimated_tonnage_kg, 0)::double as estimated_tonnage_kg,
        coalesce(c.duration_s, 0)::double as duration_s
    from weeks as w
    cross join groups as g
    left join cells as c
        on
            c.athlete_id = w.athlete_id
            and c.week_no = w.week_no
            and c.muscle_group = g.muscle_group
),

final as (
    select
        v.athlete_id::bigint as athlete_id,
        (date '1970-01-05' + 7 * v.week_no::integer)::timestamp as week_start,
        v.group_index,
        v.hard_sets,
        v.direct_sets,
        v.reps,
        v.tonnage_kg,
        v.estimated_tonnage_kg,
        v.duration_s,
        l.mv_sets::double as mv_sets,
        l.mev_sets::double as mev_sets,
        l.mav_low_sets::double as mav_low_sets,
        l.mav_high_sets::double as mav_high_sets,
        l.mrv_sets::double as mrv_sets,
        volume_status_code(v.hard_sets, l.mv_sets, l.mev_sets, l.mrv_sets) as status_code
    from counted as v
    left join landmarks as l
        on l.athlete_id = v.athlete_id and l.group_index = v.group_index
)

select * from final
order by athlete_id, week_start, group_index
