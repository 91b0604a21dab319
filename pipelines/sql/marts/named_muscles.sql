-- one row per named anatomical muscle: its muscle group, in the groups' display order
with

muscles as (
    select * from muscles
),

muscle_groups as (
    select * from muscle_groups
),

final as (
    select
        m.muscle,
        m.muscle_group,
        g.display_order
    from muscles as m
    inner join muscle_groups as g on g.muscle_group = m.muscle_group
)

select
    muscle,
    muscle_group
from final
order by display_order, muscle
