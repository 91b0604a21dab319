-- one row per (exercise, muscle_group) an exercise credits, for the exercises that may fill
-- this week's gaps: those the athlete trained in the recent weeks and the template's add-ons
-- `credit` follows the volume rule: 1 for a primary muscle group, 0.5 for a secondary one.
with

sessions as (
    select * from sessions
),

sets as (
    select * from sets
),

exercises as (
    select * from exercises
),

exercise_muscles as (
    select * from exercise_muscles
),

template_items as (
    select * from template_items
),

recent as (
    select
        x.exercise_id,
        count(distinct x.session_id) as sessions,
        max(s.started_at) as last_done_at
    from sets as x
    inner join sessions as s on s.session_id = x.session_id
    where
        s.athlete_id = $athlete_id
        and x.set_type <> 'warmup'
        and s.started_at >= $as_of::date - to_weeks($recent_weeks::integer)
        and s.started_at < $as_of::date + 1
    group by x.exercise_id
),

latest_template as (
    select coalesce(
        (
            select arg_max(template_id, started_at)
            from sessions
            where
                athlete_id = $athlete_id
                and template_id is not null
                and started_at < $as_of::date + 1
        ),
        $default_template::varchar
    ) as template_id
),

addons as (
    select distinct i.exercise_id
    from template_items as i
    inner join latest_template as t on t.template_id = i.template_id
    where i.role = 'addon'
),

chosen as (
    select
        coalesce(r.exercise_id, a.exercise_id) as exercise_id,
        coalesce(r.sessions, 0) as sessions,
        r.last_done_at,
        a.exercise_id is not null as is_addon
    from recent as r
    full outer join addons as a on a.exercise_id = r.exercise_id
),

final as (
    select
        c.exercise_id,
        e.name as exercise,
        c.sessions,
        c.is_addon,
        m.muscle_group,
        case when m.role = 'primary' then 1.0 else $secondary_weight::double end as credit
    from chosen as c
    inner join exercises as e on e.exercise_id = c.exercise_id
    inner join exercise_muscles as m on m.exercise_id = c.exercise_id
    where e.load_type not in ('distance')
)

select * from final
order by sessions desc, is_addon, exercise, muscle_group
