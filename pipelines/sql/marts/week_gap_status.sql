-- one row per muscle group: one athlete's hard sets from $monday to $as_of, with the minimum
-- (MEV) and maximum (MRV) that apply to them; the counting rule of staging/int_muscle_cells,
-- restricted to this athlete and these days, so the week so far is read without the rest
with

landmarks as (
    select * from volume_landmarks_for($athlete_id)
),

groups as (
    select * from muscle_group_numbers()
),

cells as (
    select
        group_index,
        sum(hard_sets) as hard_sets
    from muscle_cells($athlete_id, $monday, $as_of, $secondary_weight, 1, false, null)
    group by group_index
),

final as (
    select
        g.group_index,
        g.muscle_group,
        coalesce(c.hard_sets, 0.0)::double as hard_sets,
        l.mev_sets,
        l.mrv_sets
    from groups as g
    left join cells as c on c.group_index = g.group_index
    left join landmarks as l on l.muscle_group = g.muscle_group
)

select muscle_group, hard_sets, mev_sets, mrv_sets from final
order by group_index
