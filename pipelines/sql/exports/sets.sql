-- one row per set, with its session and athlete: the `sets` CSV export (the liftboard format)
with

athletes as (
    select * from athletes
),

sets as (
    select * from sets
),

exercises as (
    select * from exercises
),

chosen_sessions as (
    select * from stg_sessions($athlete_id, $start, $end, 1)
),

final as (
    select
        a.name as athlete,
        s.session_id,
        s.name as session_name,
        s.started_at,
        s.performed_on,
        e.name as exercise,
        x.exercise_id,
        x.set_index,
        x.set_type,
        x.weight_kg,
        x.entered_weight,
        x.entered_unit,
        x.reps,
        x.duration_s,
        x.distance_m,
        x.rpe,
        x.rir,
        x.notes,
        x.side,
        s.notes as session_notes,
        s.ended_at,
        s.logged_bodyweight_kg as bodyweight_kg,
        s.template_id,
        s.source,
        s.source_key,
        x.source_key as set_source_key,
        s.athlete_unit,
        x.set_id
    from sets as x
    inner join chosen_sessions as s on s.session_id = x.session_id
    inner join athletes as a on a.athlete_id = s.athlete_id
    inner join exercises as e on e.exercise_id = x.exercise_id
)

select * exclude (set_id) from final
order by athlete, started_at, session_id, set_index, set_id
