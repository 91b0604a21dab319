-- one row per searchable exercise name: an exercise's own name or one of its aliases
with

exercises as (
    select * from exercises
),

exercise_aliases as (
    select * from exercise_aliases
),

sessions as (
    select * from sessions
),

sets as (
    select * from sets
),

athlete_sessions as (
    select
        session_id,
        started_at
    from sessions
    where athlete_id = $athlete_id::integer
),

last_done as (
    select
        x.exercise_id,
        max(s.started_at) as last_done_at
    from sets as x
    inner join athlete_sessions as s on s.session_id = x.session_id
    group by x.exercise_id
),

names as (
    select
        exercise_id,
        name as label,
        false as is_alias
    from exercises
    union all
    select
        exercise_id,
        alias as label,
        true as is_alias
    from exercise_aliases
),

final as (
    select
        n.label,
        n.exercise_id,
        e.name,
        n.is_alias,
        e.load_type,
        e.unilateral,
        d.last_done_at
    from names as n
    inner join exercises as e on e.exercise_id = n.exercise_id
    left join last_done as d on d.exercise_id = n.exercise_id
    qualify row_number() over (partition by lower(n.label) order by n.is_alias, n.exercise_id) = 1
)

select * from final
order by last_done_at desc nulls last, is_alias, lower(label)
