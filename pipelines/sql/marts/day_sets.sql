-- one row per set an athlete logged on a day ($athlete_id, $day), in session and set order
with athlete_sessions as (
    select session_id, started_at
    from sessions
    where athlete_id = $athlete_id and started_at::date = $day::date
),

final as (
    select
        x.set_id, s.session_id, e.name as exercise, x.set_type, x.entered_weight,
        x.entered_unit, x.weight_kg, x.reps, x.duration_s, x.rpe, x.notes,
        s.started_at, x.set_index
    from sets as x
    inner join athlete_sessions as s on s.session_id = x.session_id
    inner join exercises as e on e.exercise_id = x.exercise_id
    -- the same sets again, as a range of session ids: the uncorrelated bounds let DuckDB skip
    -- the row groups of other sessions instead of scanning every set for the join
    where
        x.session_id between (select min(session_id) from athlete_sessions)
        and (select max(session_id) from athlete_sessions)
)

select
    set_id, session_id, exercise, set_type, entered_weight, entered_unit, weight_kg, reps,
    duration_s, rpe, notes
from final
order by started_at, set_index
