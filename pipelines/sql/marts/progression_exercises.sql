-- one row per exercise to advise on: the template's slots and what the athlete did lately
-- The template is the given one, else the one of the athlete's latest template session.
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

template_items as (
    select * from template_items
),

exercise_variations as (
    select * from exercise_variations
),

athletes as (
    select * from athletes
),

latest_template as (
    select coalesce(
        $template_id::varchar,
        (
            select arg_max(template_id, started_at)
            from sessions
            where
                athlete_id = $athlete_id
                and template_id is not null
                and started_at < $as_of::date + 1
        )
    ) as template_id
),

prescribed as (
    select
        i.exercise_id,
        min(i.reps) as target_reps,
        min(i.seconds) as target_seconds,
        -- main rounds in order, then the optional add-ons (round 0)
        min(case when i.round_no = 0 then 1000000 else i.round_no * 1000 end + i.position)
            as slot
    from template_items as i
    inner join latest_template as t on t.template_id = i.template_id
    group by i.exercise_id
),

recent as (
    select distinct x.exercise_id
    from sets as x
    inner join sessions as s on s.session_id = x.session_id
    where
        s.athlete_id = $athlete_id
        and x.set_type <> 'warmup'
        and s.started_at >= $as_of::date - to_weeks($recent_weeks::integer)
        and s.started_at < $as_of::date + 1
),

chosen as (
    select exercise_id from prescribed
    union
    select exercise_id from recent
),

harder as (
    select
        exercise_id,
        arg_min(variation, position) as variation,
        arg_min(target_exercise_id, position) as target_exercise_id
    from exercise_variations
    where kind = 'harder'
    group by exercise_id
),

final as (
    select
        c.exercise_id,
        e.name as exercise,
        e.load_type,
        e.equipment,
        p.target_reps,
        p.target_seconds,
        p.slot,
        h.variation as harder_variation,
        (select unit from athletes where athlete_id = $athlete_id) as unit
    from chosen as c
    inner join exercises as e on e.exercise_id = c.exercise_id
    left join prescribed as p on p.exercise_id = c.exercise_id
    left join harder as h on h.exercise_id = c.exercise_id
)

select * from final
order by slot nulls last, exercise
