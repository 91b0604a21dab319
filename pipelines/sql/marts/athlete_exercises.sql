-- one row per exercise the athlete logged: its name, sessions, sets and last day, most recent first
-- Only the sets' exercise and session are needed, so the sets are joined to the athlete's
-- sessions directly (no loads or bodyweights, as staging/stg_sets would work out).
with

athlete_sets as (
    select
        x.exercise_id,
        x.session_id,
        s.started_at
    from sets as x
    inner join sessions_in_range($athlete_id, null, null) as s on s.session_id = x.session_id
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
