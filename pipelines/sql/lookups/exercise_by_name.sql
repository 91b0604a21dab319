-- one row per wanted text (registered as `wanted_names`: text, norm) that names an exercise:
-- its exercise id, preferring an exact id, then the normalised name, then an alias
with candidates as (
    select w.text, e.exercise_id, 0 as rank
    from wanted_names as w inner join exercises as e on e.exercise_id = w.text
    union all
    select w.text, e.exercise_id, 1 as rank
    from wanted_names as w inner join exercises as e on e.name_norm = w.norm
    union all
    select w.text, a.exercise_id, 2 as rank
    from wanted_names as w inner join exercise_aliases as a on a.alias_norm = w.norm
),

final as (
    select text, arg_min(exercise_id, (rank, exercise_id)) as exercise_id
    from candidates
    where text <> ''
    group by text
)

select text, exercise_id from final
