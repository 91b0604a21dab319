-- one row per session of the range: its day, week, the athlete's unit and the bodyweight it uses
-- The bodyweight is the session's own (`logged_bodyweight_kg`), else the athlete's latest reading
-- on or before that day, else unknown. Arguments as sessions_in_range, plus the ISO weekday
-- weeks start on.
create or replace macro stg_sessions(of_athlete, from_day, to_day, first_isodow) as table
    with

    chosen as (
        select * from sessions_in_range(of_athlete, from_day, to_day)
    ),

    readings as (
        select athlete_id, measured_on, bodyweight_kg
        from bodyweights
        where
            (of_athlete::integer is null or athlete_id = of_athlete::integer)
            and (to_day::date is null or measured_on <= to_day::date)
    )

    select
        s.session_id,
        s.athlete_id,
        s.name,
        s.started_at,
        s.ended_at,
        s.performed_on,
        week_start(s.performed_on, first_isodow) as week_start,
        week_no(s.performed_on, first_isodow) as week_no,
        a.unit as athlete_unit,
        s.bodyweight_kg as logged_bodyweight_kg,
        coalesce(s.bodyweight_kg, b.bodyweight_kg) as bodyweight_kg,
        s.template_id,
        s.notes,
        s.source,
        s.source_key
    from chosen as s
    inner join athletes as a on a.athlete_id = s.athlete_id
    asof left join readings as b
        on b.athlete_id = s.athlete_id and b.measured_on <= s.performed_on;
