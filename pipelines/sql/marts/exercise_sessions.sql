-- one row per session in which the athlete did the exercise: its sets, top set, best e1RM, tonnage
-- Loads in kg; `sets_text` lists every set in the athlete's unit ($unit_kg kg per unit) as typed
-- weight x reps (warm-ups marked w, a bodyweight set without added weight as its reps, a timed
-- set in seconds). Tonnage is reps x load of the hard sets, the load as staging/stg_sets gives it
-- (bodyweight moves: bodyweight x factor + added weight), which for bodyweight moves rests on an
-- estimate (`tonnage_estimated`). The e1RM is Epley's, as staging/int_set_estimates gives it.
with

exercise_sets as (
    select * from stg_sets($athlete_id, null, null, 1)
    where exercise_id = $exercise_id::varchar
),

set_estimates as (
    select * from set_estimates($athlete_id, null, null, $exercise_id, 'epley')
),

exercises as (
    select * from exercises
),

sessions as (
    select * from sessions
),

exercise as (
    select
        exercise_id,
        case
            when load_type in ('bodyweight', 'weighted_bodyweight', 'assisted')
                then coalesce(bodyweight_factor, 0)
            else 0
        end as bodyweight_factor
    from exercises
    where exercise_id = $exercise_id::varchar
),

labelled_sets as (
    select
        x.*,
        e.bodyweight_factor,
        case
            when coalesce(x.reps, 0) = 0 and x.duration_s is not null
                then printf('%g s', round(x.duration_s, 1))
            when coalesce(x.weight_kg, 0) = 0 then printf('%d', x.reps)
            when x.load_type = 'assisted'
                then printf('-%g × %d', round(x.weight_kg / $unit_kg::double, 1), x.reps)
            else printf('%g × %d', round(x.weight_kg / $unit_kg::double, 1), x.reps)
        end || case when x.is_hard then '' else 'w' end as set_text
    from exercise_sets as x
    inner join exercise as e on e.exercise_id = x.exercise_id
),

session_estimates as (
    select
        session_id,
        max(e1rm_kg) as best_e1rm_kg
    from set_estimates
    group by session_id
),

per_session as (
    select
        session_id,
        any_value(started_at) as started_at,
        any_value(performed_on) as performed_on,
        count(*) filter (where is_hard) as working_sets,
        string_agg(set_text, ', ' order by set_index) as sets_text,
        max(weight_kg) filter (
            where is_hard and load_type <> 'assisted' and weight_kg > 0
        ) as top_weight_kg,
        coalesce(sum(reps * load_kg) filter (where is_hard), 0) as tonnage_kg,
        coalesce(bool_or(bodyweight_factor > 0 and is_hard), false) as tonnage_estimated
    from labelled_sets
    group by session_id
),

top_reps as (
    select
        x.session_id,
        max(x.reps) as top_reps
    from labelled_sets as x
    inner join per_session as p
        on p.session_id = x.session_id and x.weight_kg = p.top_weight_kg
    where x.is_hard
    group by x.session_id
),

final as (
    select
        p.session_id,
        p.performed_on,
        s.name as session_name,
        p.working_sets,
        p.sets_text,
        p.top_weight_kg,
        t.top_reps,
        e.best_e1rm_kg,
        p.tonnage_kg,
        p.tonnage_estimated,
        p.started_at
    from per_session as p
    inner join sessions as s on s.session_id = p.session_id
    left join top_reps as t on t.session_id = p.session_id
    left join session_estimates as e on e.session_id = p.session_id
)

select * exclude (started_at) from final
order by started_at desc, session_id desc
