-- one row per exercise, with its muscles and aliases folded into comma-separated lists
with

exercises as (
    select * from exercises
),

exercise_muscles as (
    select * from exercise_muscles
),

exercise_aliases as (
    select * from exercise_aliases
),

muscles_worked as (
    select
        exercise_id,
        coalesce(string_agg(muscle_group, ', ' order by muscle_group)
            filter (where role = 'primary'), '') as primary_muscles,
        coalesce(string_agg(muscle_group, ', ' order by muscle_group)
            filter (where role = 'secondary'), '') as secondary_muscles
    from exercise_muscles
    group by exercise_id
),

alias_lists as (
    select
        exercise_id,
        string_agg(alias, ', ' order by alias) as aliases
    from exercise_aliases
    group by exercise_id
),

final as (
    select
        e.exercise_id,
        e.name,
        e.equipment,
        e.category,
        e.load_type,
        e.level,
        e.unilateral,
        e.source,
        e.mapped,
        coalesce(m.primary_muscles, '') as primary_muscles,
        coalesce(m.secondary_muscles, '') as secondary_muscles,
        coalesce(a.aliases, '') as aliases,
        e.stance,
        e.cues
    from exercises as e
    left join muscles_worked as m on m.exercise_id = e.exercise_id
    left join alias_lists as a on a.exercise_id = e.exercise_id
)

select * from final
order by name
