-- one row per muscle group: its status in the last week of the temporary table `status_codes`
-- (marts/period_volume_status of one athlete, made on the same cursor), the weeks in a row it
-- has had that status, and the share of the weeks below the minimum, productive and above the
-- maximum. $statuses names the status codes in order (schemas.TARGET_STATUSES).
with

status_codes as (
    select * from status_codes
),

status_weeks as (
    select
        g.muscle_group,
        s.period_start as week_start,
        s.hard_sets,
        ($statuses::varchar[])[s.status_code + 1] as target_status
    from status_codes as s
    inner join muscle_group_numbers() as g on g.group_index = s.group_index
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
