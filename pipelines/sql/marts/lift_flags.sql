-- one row per exercise of one athlete: the e1RM evidence a plateau or regression is judged on
-- Reads the registered frame `session_e1rm` (one row per session and exercise, up to $as_of):
-- the all-time best and when it was first reached, the best of the last 4 weeks and of the
-- 8 weeks before, session counts, and the typical session-to-session change (the noise).
with

session_e1rm as (
    select * from session_e1rm
),

exercises as (
    select * from exercises
),

sessions_in_order as (
    select
        exercise_id,
        performed_on,
        e1rm_kg,
        abs(e1rm_kg / lag(e1rm_kg) over (partition by exercise_id order by performed_on, session_id) - 1)
            as change_share
    from session_e1rm
    where performed_on <= $as_of::date
),

records as (
    select
        exercise_id,
        max(e1rm_kg) as best_kg,
        -- the day the best was first reached
        arg_min(performed_on, (-e1rm_kg, performed_on)) as best_on
    from sessions_in_order
    group by exercise_id
),

windowed as (
    select
        s.exercise_id,
        count(*) filter (where s.performed_on > $as_of::date - 84) as sessions,
        count(*) filter (where s.performed_on > r.best_on) as sessions_since_best,
        max(s.performed_on) as last_on,
        max(s.e1rm_kg) filter (where s.performed_on > $as_of::date - 28) as recent_best_kg,
        arg_max(s.performed_on, (s.e1rm_kg, s.performed_on))
            filter (where s.performed_on > $as_of::date - 28) as recent_best_on,
        count(*) filter (where s.performed_on > $as_of::date - 28) as recent_sessions,
        max(s.e1rm_kg) filter (
            where s.performed_on > $as_of::date - 84 and s.performed_on <= $as_of::date - 28
        ) as previous_best_kg,
        arg_max(s.performed_on, (s.e1rm_kg, -epoch(s.performed_on))) filter (
            where s.performed_on > $as_of::date - 84 and s.performed_on <= $as_of::date - 28
        ) as previous_best_on,
        count(*) filter (
            where s.performed_on > $as_of::date - 84 and s.performed_on <= $as_of::date - 28
        ) as previous_sessions,
        coalesce(median(s.change_share) filter (where s.performed_on > $as_of::date - 84), 0)
            as noise_share
    from sessions_in_order as s
    inner join records as r on r.exercise_id = s.exercise_id
    group by s.exercise_id
),

final as (
    select
        w.exercise_id,
        e.name as exercise,
        e.load_type,
        w.sessions,
        r.best_kg,
        r.best_on,
        w.sessions_since_best,
        w.last_on,
        w.recent_best_kg,
        w.recent_best_on,
        w.recent_sessions,
        w.previous_best_kg,
        w.previous_best_on,
        w.previous_sessions,
        w.noise_share
    from windowed as w
    inner join records as r on r.exercise_id = w.exercise_id
    inner join exercises as e on e.exercise_id = w.exercise_id
)

select * from final
order by exercise
