-- The trained cells of weekly_muscle_volume, as a table macro other models can call:
-- muscle_cells(athlete or null, from day, to day, secondary weight, ISO weekday weeks start on,
-- by_month, dirty_upto): one row per (athlete_id, period_no, group_index) with hard sets.
-- period_no is the week_no of the week (or, when by_month, the month_no of the calendar month)
-- of the session; group_index numbers the muscle groups 0, 1, ... in display order. Sets are
-- grouped on packed integer keys (staging/volume_keys: what they hold, their limits, and the
-- checks that stop the query beyond them). With dirty_upto set, only the (athlete, Monday week)
-- pairs that volume_dirty lists up to that id are counted: how pipelines/volume_cache.py
-- recounts the weeks a write touched. Defined when a database is opened (pipelines/staging.py).
--
-- What counts as a hard set (README "How the numbers are computed"): a working set (not a
-- warm-up) of a strength-type exercise (not cardio, nor a stretch that is held: those are
-- conditioning and mobility; the few source "stretches" the catalog loads with the body and
-- does for reps, such as the Superman or split squats, are strength work), with at least one rep when reps are logged (a 0-rep attempt is a miss), and not
-- logged as far from failure (RIR 5 or more, or RPE 5 or less). Changing this rule changes the
-- models' digest, so every kept weekly cell is recounted (pipelines/staging.py).
create or replace macro counts_for_muscles(category, load_type) as
    coalesce(lower(category), '') <> 'cardio'
    and not (coalesce(lower(category), '') = 'stretching' and load_type in ('timed', 'distance'));

create or replace macro is_hard_set(set_type, reps, rpe, rir) as
    set_type <> 'warmup'
    and coalesce(reps, 1) > 0
    and coalesce(rir, 0) < 5
    and coalesce(rpe, 10) > 5;

create or replace macro muscle_cells(
    of_athlete, from_day, to_day, secondary_weight, first_isodow, by_month, dirty_upto
) as table
    with

    sets as (
        select * from sets
    ),

    exercises as (
        select * from exercises
    ),

    exercise_muscles as (
        select * from exercise_muscles
    ),

    -- muscle groups numbered 0, 1, … in display order
    groups as (
        select
            muscle_group,
            volume_checked_group_index(group_index) as group_index
        from muscle_group_numbers()
    ),

    -- how a set of each exercise is loaded: bodyweight share, and whether the logged weight adds
    -- to the load (+1), takes from it (-1, assistance) or is not a load at all (0); the load rule of
    -- staging/stg_sets, in a form that needs one join per set instead of two
    exercise_loads as (
        select
            exercise_id,
            volume_checked_exercise_no(row_number() over (order by exercise_id)) as exercise_no,
            case
                when load_type in ('bodyweight', 'weighted_bodyweight', 'assisted')
                    then bodyweight_factor
                else 0
            end as bodyweight_factor,
            case
                when load_type in ('weighted', 'bodyweight', 'weighted_bodyweight') then 1
                when load_type = 'assisted' then -1
                else 0
            end as weight_sign
        from exercises
        where counts_for_muscles(category, load_type)
    ),

    -- what one set of an exercise gives each of its muscle groups
    exercise_shares as materialized (
        select
            e.exercise_no,
            g.group_index,
            case when m.role = 'primary' then 1.0 else secondary_weight::double end as set_share,
            (m.role = 'primary')::integer as is_primary,
            (m.role = 'primary' and e.bodyweight_factor > 0)::integer as is_estimated
        from exercise_muscles as m
        inner join exercise_loads as e on e.exercise_id = m.exercise_id
        inner join groups as g on g.muscle_group = m.muscle_group
    ),

    -- the sessions of the range with their week and bodyweight (staging/stg_sessions); when
    -- recounting marked weeks, only the days from the first to the last of them are read, so
    -- that looking up bodyweights stays small
    chosen_sessions as (
        select
            s.session_id,
            volume_athlete_week(
                s.athlete_id,
                case when by_month::boolean then month_no(s.performed_on) else s.week_no end
            ) as athlete_week,
            s.bodyweight_kg
        from stg_sessions(
            of_athlete,
            coalesce(
                from_day::date,
                (
                    select date '1970-01-05' + 7 * min(week_no)::integer
                    from volume_dirty
                    where dirty_id <= dirty_upto::bigint
                )
            ),
            coalesce(
                to_day::date,
                (
                    select date '1970-01-05' + 7 * max(week_no)::integer + 6
                    from volume_dirty
                    where dirty_id <= dirty_upto::bigint
                )
            ),
            first_isodow
        ) as s
        where
            dirty_upto::bigint is null
            or exists (
                select 1
                from volume_dirty as d
                where
                    d.dirty_id <= dirty_upto::bigint
                    and d.athlete_id = s.athlete_id
                    and d.week_no = week_no(s.performed_on, 1)
            )
    ),

    -- only hard sets count (is_hard_set above); exercises that do not count for muscles have no
    -- exercise_loads row
    hard_sets as (
        select
            volume_athlete_week_item(w.athlete_week, e.exercise_no) as athlete_week_exercise,
            x.reps,
            x.duration_s,
            greatest(
                coalesce(w.bodyweight_kg * e.bodyweight_factor, 0)
                + e.weight_sign * coalesce(x.weight_kg, 0),
                0
            ) as load_kg
        from sets as x
        inner join chosen_sessions as w on w.session_id = x.session_id
        inner join exercise_loads as e on e.exercise_id = x.exercise_id
        where is_hard_set(x.set_type, x.reps, x.rpe, x.rir)
    ),

    -- per exercise first: far fewer rows to spread over the exercise's muscle groups
    exercise_weeks as (
        select
            athlete_week_exercise,
            count(*) as sets,
            coalesce(sum(reps::double), 0) as reps,
            coalesce(sum(reps * load_kg), 0) as tonnage_kg,
            coalesce(sum(duration_s), 0) as duration_s
        from hard_sets
        group by athlete_week_exercise
    ),

    muscle_weeks as (
        select
            volume_athlete_week_group(
                volume_item_athlete_week(w.athlete_week_exercise), s.group_index
            ) as athlete_week_group,
            sum(w.sets * s.set_share) as hard_sets,
            sum(w.sets * s.is_primary) as direct_sets,
            sum(w.sets * (1 - s.is_primary)) as secondary_sets,
            sum(w.reps * s.is_primary) as reps,
            sum(w.tonnage_kg * s.is_primary) as tonnage_kg,
            sum(w.tonnage_kg * s.is_estimated) as estimated_tonnage_kg,
            sum(w.duration_s * s.is_primary) as duration_s
        from exercise_weeks as w
        inner join exercise_shares as s
            on s.exercise_no = volume_item_exercise_no(w.athlete_week_exercise)
        group by athlete_week_group
    )

    select
        volume_group_athlete_id(athlete_week_group) as athlete_id,
        volume_group_week_no(athlete_week_group) as period_no,
        volume_group_index(athlete_week_group) as group_index,
        hard_sets,
        direct_sets::bigint as direct_sets,
        secondary_sets::bigint as secondary_sets,
        reps::bigint as reps,
        tonnage_kg,
        estimated_tonnage_kg,
        duration_s
    from muscle_weeks;
