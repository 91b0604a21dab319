-- one row per (athlete_id, period_start, group_index): a Monday week's hard sets against its
-- landmarks, with back against legs of that week
-- What marts/period_volume_status and marts/weekly_balance give for Monday weeks, as a plain
-- read of the kept weekly cells (volume_cells, current: pipelines/volume_cache.py) of one
-- athlete, from the week holding $start (else their first session) to the week holding $end
-- (else the last), every muscle group of every week, zeros too. Whole weeks only: the caller
-- counts from the sets instead when a week cut by the range has sessions outside it. The
-- balance columns (back_sets, legs_sets, back_total, legs_total, back_share) are the week's,
-- the same on each of its rows. Status codes as marts/period_volume_status.
with

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
    where a.athlete_id = $athlete_id::integer
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
    select
        c.athlete_id,
        c.week_no,
        c.muscle_group,
        c.direct_sets,
        c.secondary_sets
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
        g.region,
        coalesce(c.direct_sets, 0)
        + $secondary_weight::double * coalesce(c.secondary_sets, 0) as hard_sets,
        coalesce(c.direct_sets, 0)::double as helpers_low_sets,
        (coalesce(c.direct_sets, 0) + coalesce(c.secondary_sets, 0))::double as helpers_high_sets
    from weeks as w
    cross join groups as g
    left join cells as c
        on
            c.athlete_id = w.athlete_id
            and c.week_no = w.week_no
            and c.muscle_group = g.muscle_group
),

with_regions as (
    select
        *,
        sum(case when region = 'back' then hard_sets else 0 end)
            over (partition by athlete_id, week_no) as back_sets,
        sum(case when region = 'legs' then hard_sets else 0 end)
            over (partition by athlete_id, week_no) as legs_sets
    from counted
),

final as (
    select
        v.athlete_id,
        (date '1970-01-05' + 7 * v.week_no::integer) as period_start,
        v.group_index,
        v.hard_sets,
        v.helpers_low_sets,
        v.helpers_high_sets,
        l.mv_sets,
        l.mev_sets,
        l.mav_low_sets,
        l.mav_high_sets,
        l.mrv_sets,
        volume_status_code(v.hard_sets, l.mv_sets, l.mev_sets, l.mrv_sets) as status_code,
        volume_status_code(v.helpers_low_sets, l.mv_sets, l.mev_sets, l.mrv_sets)
            as low_status_code,
        volume_status_code(v.helpers_high_sets, l.mv_sets, l.mev_sets, l.mrv_sets)
            as high_status_code,
        v.back_sets,
        v.legs_sets,
        case
            when v.back_sets + v.legs_sets > 0 then v.back_sets / (v.back_sets + v.legs_sets)
        end as back_share,
        v.back_sets as back_total,
        v.legs_sets as legs_total,
        v.hard_sets as sets_per_week
    from with_regions as v
    left join landmarks as l
        on l.athlete_id = v.athlete_id and l.group_index = v.group_index
)

select * from final
order by athlete_id, period_start, group_index
