-- one row per benchmark session, copied from the plan in time order
insert into sessions (session_id, athlete_id, started_at, ended_at, name, bodyweight_kg, source)
select
    session_id,
    athlete_id,
    started_at,
    started_at + to_minutes(20 + 2 * n_sets) as ended_at,
    'Day ' || chr((65 + program_day)::integer) as name,
    bodyweight_kg,
    'demo' as source
from bench_session_plan
order by session_id
