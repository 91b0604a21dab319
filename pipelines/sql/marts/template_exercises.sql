-- one row per exercise slot of a template (round_no, position), with the exercise's reference
with

template_items as (
    select * from template_items
),

exercises as (
    select * from exercises
),

exercise_muscles as (
    select * from exercise_muscles
),

muscle_groups as (
    select * from muscle_groups
),

muscles_worked as (
    select
        m.exercise_id,
        coalesce(string_agg(m.muscle_group, ', ' order by g.display_order)
            filter (where m.role = 'primary'), '') as primary_muscles,
        coalesce(string_agg(m.muscle_group, ', ' order by g.display_order)
            filter (where m.role = 'secondary'), '') as secondary_muscles
    from exercise_muscles as m
    inner join muscle_groups as g on g.muscle_group = m.muscle_group
    group by m.exercise_id
),

final as (
    select
        i.template_id,
        i.round_no,
        i.position,
        i.exercise_id,
        e.name,
        i.reps,
        i.seconds,
        i.per_side,
        i.role,
        i.notes,
        e.equipment,
        e.load_type,
        e.unilateral,
        e.stance,
        e.cues,
        coalesce(w.primary_muscles, '') as primary_muscles,
        coalesce(w.secondary_muscles, '') as secondary_muscles
    from template_items as i
    inner join exercises as e on e.exercise_id = i.exercise_id
    left join muscles_worked as w on w.exercise_id = i.exercise_id
    where i.template_id = $template_id
)

select * from final
order by role desc, round_no, position
