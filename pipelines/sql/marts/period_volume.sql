-- one row per (athlete_id, period_start, muscle_group): the period's volume, every group, zeros too
-- A period is a week starting on $week_start_isodow or, when $by_month, a calendar month; they
-- run from the one holding $start (else the athlete's first session) to the one holding $end
-- (else the last session). Only the days of the range count, so a week or month cut by the
-- range counts just its own days. `sets_per_week` is the week's hard sets, or a month's
-- average week: its hard sets x 7 / its days in the range; `helpers_low_sets` and
-- `helpers_high_sets` are the same with helping muscles counted 0 and 1.
-- When $use_kept (Monday weeks, kept cells current: pipelines/volume_cache.py), whole weeks are
-- read from volume_cells and only the days of a week cut by the range are counted from the
-- sets; otherwise everything is counted from the sets (staging/int_muscle_cells). The tables
-- that read it: marts/period_volume_status and marts/weekly_balance.
with

groups as (
    select * from muscle_group_numbers()
),

spans as (
    select
        a.athlete_id,
        coalesce($start::date, min(s.performed_on)) as first_day,
        coalesce($end::date, max(s.performed_on)) as last_day
    from athletes as a
    left join sessions_in_range($athlete_id, $start, $end) as s on s.athlete_id = a.athlete_id
    where $athlete_id::integer is null or a.athlete_id = $athlete_id::integer
    group by a.athlete_id
),

periods as (
    select
        athlete_id,
        first_day,
        last_day,
        unnest(period_starts(first_day, last_day, $week_start_isodow, $by_month))::date as period_start
    from spans
    where first_day <= last_day
),

period_days as (
    select
        athlete_id,
        period_start,
        case
            when $by_month::boolean then month_no(period_start)
            else week_no(period_start, $week_start_isodow)
        end as period_no,
        least(
            case
                when $by_month::boolean
                    then (period_start + interval 1 month - interval 1 day)::date
                else period_start + 6
            end,
            last_day
        ) - greatest(period_start, first_day) + 1 as days
    from periods
),

-- kept whole Monday weeks, and the days around them counted from the sets: the days of the
-- range before its first whole week, and those after its last whole week
kept_cells as (
    select
        c.athlete_id,
        c.week_no as period_no,
        g.group_index,
        c.direct_sets + $secondary_weight::double * c.secondary_sets as hard_sets,
        c.direct_sets,
        c.secondary_sets,
        c.reps,
        c.tonnage_kg,
        c.estimated_tonnage_kg,
        c.duration_s
    from volume_cells as c
    inner join groups as g on g.muscle_group = c.muscle_group
    where
        $use_kept::boolean
        and ($athlete_id::integer is null or c.athlete_id = $athlete_id::integer)
        and ($start::date is null or c.week_no >= week_no($start::date - 1, 1) + 1)
        and ($end::date is null or c.week_no <= week_no($end::date + 1, 1) - 1)
),

counted_cells as (
    select *
    from muscle_cells(
        $athlete_id,
        $start,
        case
            when not $use_kept::boolean then $end::date
            when $start::date is null then date '0001-01-01'
            else least($end::date, week_start($start::date - 1, 1) + 6)
        end,
        $secondary_weight,
        $week_start_isodow,
        $by_month,
        null
    )

    union all

    select *
    from muscle_cells(
        $athlete_id,
        greatest(week_start($end::date + 1, 1), week_start($start::date - 1, 1) + 7),
        case
            when $use_kept::boolean and $end::date is not null then $end::date
            else date '0001-01-01'
        end,
        $secondary_weight,
        $week_start_isodow,
        $by_month,
        null
    )
),

cells as (
    select * from kept_cells

    union all

    select
        athlete_id,
        period_no,
        group_index,
        hard_sets,
        direct_sets,
        secondary_sets,
        reps,
        tonnage_kg,
        estimated_tonnage_kg,
        duration_s
    from counted_cells
),

final as (
    select
        p.athlete_id,
        p.period_start,
        g.muscle_group,
        g.group_index,
        g.region,
        p.days,
        coalesce(c.hard_sets, 0) as hard_sets,
        coalesce(c.direct_sets, 0)::bigint as direct_sets,
        coalesce(c.reps, 0)::bigint as reps,
        coalesce(c.tonnage_kg, 0) as tonnage_kg,
        coalesce(c.estimated_tonnage_kg, 0) as estimated_tonnage_kg,
        coalesce(c.duration_s, 0)::double as duration_s,
        case
            when $by_month::boolean then coalesce(c.hard_sets, 0) * 7 / p.days
            else coalesce(c.hard_sets, 0)
        end as sets_per_week,
        -- the same with helping muscles counted 0 and counted 1: how much a verdict rests on
        -- the counting rule
        coalesce(c.direct_sets, 0)
        * case when $by_month::boolean then 7 / p.days else 1 end as helpers_low_sets,
        (coalesce(c.direct_sets, 0) + coalesce(c.secondary_sets, 0))
        * case when $by_month::boolean then 7 / p.days else 1 end as helpers_high_sets
    from period_days as p
    cross join groups as g
    left join cells as c
        on
            c.athlete_id = p.athlete_id
            and c.period_no = p.period_no
            and c.group_index = g.group_index
)

select * from final
