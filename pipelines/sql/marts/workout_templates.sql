-- one row per workout template, with how many exercise slots it has
with

workout_templates as (
    select * from workout_templates
),

template_items as (
    select * from template_items
),

slots as (
    select
        template_id,
        count(*) filter (where role = 'main') as main_items,
        count(*) filter (where role = 'addon') as addon_items
    from template_items
    group by template_id
),

final as (
    select
        t.template_id,
        t.name,
        t.description,
        t.rounds,
        t.passes_per_round,
        t.rest_s,
        t.minutes_min,
        t.minutes_max,
        t.defaults_note,
        t.source,
        coalesce(s.main_items, 0) as main_items,
        coalesce(s.addon_items, 0) as addon_items
    from workout_templates as t
    left join slots as s on s.template_id = t.template_id
)

select * from final
order by name
