-- one row per named muscle: its group, region and the template's exercises that train the group
with

muscles as (
    select * from muscles
),

muscle_groups as (
    select * from muscle_groups
),

exercise_muscles as (
    select * from exercise_muscles
),

exercises as (
    select * from exercises
),

template_items as (
    select * from template_items
),

template_exercises as (
    select distinct exercise_id
    from template_items
    where template_id = $template_id
),

group_exercises as (
    select
        m.muscle_group,
        string_agg(e.name, ', ' order by e.name) filter (where m.role = 'primary')
            as primary_in_workout,
        string_agg(e.name, ', ' order by e.name) filter (where m.role = 'secondary')
            as secondary_in_workout
    from exercise_muscles as m
    inner join template_exercises as t on t.exercise_id = m.exercise_id
    inner join exercises as e on e.exercise_id = m.exercise_id
    group by m.muscle_group
),

catalog_counts as (
    select
        muscle_group,
        count(*) as catalog_exercises
    from exercise_muscles
    where role = 'primary'
    group by muscle_group
),

final as (
    select
        m.muscle,
        m.muscle_group,
        g.region,
        m.description,
        coalesce(x.primary_in_workout, '') as primary_in_workout,
        coalesce(x.secondary_in_workout, '') as secondary_in_workout,
        coalesce(c.catalog_exercises, 0) as catalog_exercises,
        g.display_order
    from muscles as m
    inner join muscle_groups as g on g.muscle_group = m.muscle_group
    left join group_exercises as x on x.muscle_group = m.muscle_group
    left join catalog_counts as c on c.muscle_group = m.muscle_group
)

select * from final
order by display_order, muscle
