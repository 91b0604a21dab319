-- the athlete's latest unfinished template session of a day ($athlete_id, $day; $template_id,
-- when not null, that template only): the circuit the Log page picks up again after a reload
select s.session_id, s.template_id, s.name
from sessions as s
where
    s.athlete_id = $athlete_id
    and s.template_id is not null
    and ($template_id is null or s.template_id = $template_id)
    and s.ended_at is null
    and s.started_at::date = $day::date
order by s.started_at desc, s.session_id desc
limit 1
