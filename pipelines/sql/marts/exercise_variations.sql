-- one row per (exercise, variation) of the listed exercises, in display order
with

exercise_variations as (
    select * from exercise_variations
),

exercises as (
    select * from exercises
),

final as (
    select
        v.exercise_id,
        v.position,
        v.variation,
        v.kind,
        v.description,
        v.target_exercise_id,
        t.name as target_name
    from exercise_variations as v
    left join exercises as t on t.exercise_id = v.target_exercise_id
    where list_contains($exercise_ids::varchar[], v.exercise_id)
)

select * from final
order by exercise_id, position
