-- one session ($session_id) in numbers: its athlete and day, its sets (warm-ups included), and
-- the minutes from its start to its end (0 while it is still open)
select
    s.athlete_id,
    s.started_at::date as day,
    count(x.set_id) as sets,
    greatest(date_diff('second', s.started_at, coalesce(s.ended_at, s.started_at)), 0) / 60.0
        as minutes
from sessions as s
left join sets as x on x.session_id = s.session_id
where s.session_id = $session_id
group by s.athlete_id, s.started_at, s.ended_at
