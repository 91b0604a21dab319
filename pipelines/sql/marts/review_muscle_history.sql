-- one row per muscle group: its status in the last week of the registered frame `status_weeks`
-- (weekly_volume_status of one athlete), the weeks in a row it has had that status, and the
-- share of the weeks below the minimum, productive and above the maximum
with

status_weeks as (
    select * from status_weeks
),

numbered as (
    select
        muscle_group,
        week_start,
        hard_sets,
        target_status,
        row_number() over (partition by muscle_group order by week_start desc) as back,
        row_number() over (partition by muscle_group, target_status order by week_start desc)
            as back_in_status
    from status_weeks
),

latest as (
    select * from numbered where back = 1
),

streaks as (
    -- the run of the latest status: weeks whose rank among all and among that status agree
    select
        n.muscle_group,
        count(*) as weeks_in_status
    from numbered as n
    inner join latest as l on l.muscle_group = n.muscle_group
    where n.target_status = l.target_status and n.back = n.back_in_status
    group by n.muscle_group
),

shares as (
    select
        muscle_group,
        avg(case when target_status in ('below maintenance', 'below minimum effective')
            then 1.0 else 0.0 end) as below_share,
        avg(case when target_status = 'productive' then 1.0 else 0.0 end) as productive_share,
        avg(case when target_status = 'above maximum recoverable' then 1.0 else 0.0 end)
            as above_share
    from status_weeks
    group by muscle_group
),

final as (
    select
        l.muscle_group,
        l.hard_sets,
        l.target_status,
        s.weeks_in_status,
        h.below_share,
        h.productive_share,
        h.above_share
    from latest as l
    inner join streaks as s on s.muscle_group = l.muscle_group
    inner join shares as h on h.muscle_group = l.muscle_group
)

select * from final
