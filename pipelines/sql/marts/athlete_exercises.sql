-- one row per exercise the athlete logged: its name, sessions, sets and last day, most recent first
with

athlete_sets as (
    select * from stg_sets($athlete_id, null, null, 1)
),

exercises as (
    select * from exercises
),

per_exercise as (
    select
        exercise_id,
        count(distinct session_id) as sessions,
        count(*) as sets,
        max(started_at)::date as last_on
    from athlete_sets
    group by exercise_id
),

final as (
    select
        p.exercise_id,
        e.name as exercise,
        p.sessions,
        p.sets,
        p.last_on
    from per_exercise as p
    inner join exercises as e on e.exercise_id = p.exercise_id
)

select * from final
order by last_on desc, sessions desc, exercise
