-- one row per set of the range, with its session's day, week and bodyweight, and its load
-- The load in kg depends on the exercise's load type: weighted, the logged weight; bodyweight
-- and weighted bodyweight, bodyweight x the exercise's factor + the logged weight; assisted,
-- bodyweight x factor - the logged assistance; never below 0; timed and distance sets, none.
-- An unknown bodyweight counts 0. Arguments as stg_sessions.
create or replace macro stg_sets(of_athlete, from_day, to_day, first_isodow) as table
    select
        x.set_id,
        x.session_id,
        s.athlete_id,
        s.started_at,
        s.performed_on,
        s.week_start,
        s.week_no,
        s.athlete_unit,
        s.bodyweight_kg,
        x.exercise_id,
        e.load_type,
        x.set_index,
        x.set_type,
        x.set_type <> 'warmup' as is_hard,
        x.weight_kg,
        x.reps,
        x.rir,
        x.duration_s,
        greatest(
            case
                when e.load_type in ('bodyweight', 'weighted_bodyweight') then
                    coalesce(s.bodyweight_kg * e.bodyweight_factor, 0) + coalesce(x.weight_kg, 0)
                when e.load_type = 'assisted' then
                    coalesce(s.bodyweight_kg * e.bodyweight_factor, 0) - coalesce(x.weight_kg, 0)
                when e.load_type = 'weighted' then coalesce(x.weight_kg, 0)
                else 0
            end,
            0
        ) as load_kg
    from sets as x
    inner join stg_sessions(of_athlete, from_day, to_day, first_isodow) as s
        on s.session_id = x.session_id
    inner join exercises as e on e.exercise_id = x.exercise_id;
