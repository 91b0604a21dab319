-- one row per exercise, with its muscles folded into comma-separated lists
with

exercises as (
    select * from exercises
),

exercise_muscles as (
    select * from exercise_muscles
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
        coalesce(string_agg(m.muscle_group, ', ' order by m.muscle_group)
            filter (where m.role = 'primary'), '') as primary_muscles,
        coalesce(string_agg(m.muscle_group, ', ' order by m.muscle_group)
            filter (where m.role = 'secondary'), '') as secondary_muscles
    from exercises as e
    left join exercise_muscles as m on m.exercise_id = e.exercise_id
    group by all
)

select * from final
order by name
