-- A week's status code from its hard sets and landmarks (schemas.TARGET_STATUSES): 0 below
-- maintenance, 1 below minimum effective (or no hard sets at all), 2 productive, 3 above maximum
-- recoverable, 4 no target. The one rule every status comes from (marts/weekly_volume_status).
create or replace macro volume_status_code(sets, mv, mev, mrv) as
    case
        when mv is null then 4
        when sets < mv then 0
        when sets < mev or sets = 0 then 1
        when sets <= mrv then 2
        else 3
    end;

-- The weekly set landmarks that apply, as a table macro: volume_landmarks_for(athlete or null)
-- gives one row per (athlete_id, muscle_group), the athlete's own landmarks first, else the
-- shipped defaults of the athlete's training level (beginner or intermediate), else none (all empty, source 'none'). Defined when a database is opened
-- (pipelines/staging.py).
create or replace macro volume_landmarks_for(of_athlete) as table
    with

    athletes as (
        select * from athletes
    ),

    muscle_groups as (
        select * from muscle_groups
    ),

    volume_landmarks as (
        select * from volume_landmarks
    ),

    athlete_volume_landmarks as (
        select * from athlete_volume_landmarks
    ),

    -- the shipped landmarks of both levels
    level_landmarks as (
        select 'intermediate' as training_level, * from volume_landmarks
        union all by name
        select 'beginner' as training_level, * from volume_landmarks_beginner
    ),

    chosen_athletes as (
        select athlete_id, coalesce(training_level, 'intermediate') as training_level
        from athletes
        where of_athlete::integer is null or athlete_id = of_athlete::integer
    ),

    final as (
        select
            a.athlete_id,
            g.muscle_group,
            g.display_order,
            case when o.athlete_id is null then d.mv_sets else o.mv_sets end as mv_sets,
            case when o.athlete_id is null then d.mev_sets else o.mev_sets end as mev_sets,
            case when o.athlete_id is null then d.mav_low_sets else o.mav_low_sets end
                as mav_low_sets,
            case when o.athlete_id is null then d.mav_high_sets else o.mav_high_sets end
                as mav_high_sets,
            case when o.athlete_id is null then d.mrv_sets else o.mrv_sets end as mrv_sets,
            case
                when o.athlete_id is not null then 'athlete'
                when d.mv_sets is not null then 'default'
                else 'none'
            end as source,
            coalesce(d.basis, '') as basis
        from chosen_athletes as a
        cross join muscle_groups as g
        left join level_landmarks as d
            on d.muscle_group = g.muscle_group and d.training_level = a.training_level
        left join athlete_volume_landmarks as o
            on o.athlete_id = a.athlete_id and o.muscle_group = g.muscle_group
    )

    select
        athlete_id,
        muscle_group,
        display_order,
        mv_sets,
        mev_sets,
        mav_low_sets,
        mav_high_sets,
        mrv_sets,
        source,
        basis
    from final;
