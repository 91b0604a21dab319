-- one row for one session ($id): its athlete and unit, its last set index and its day, for
-- numbering and marking the sets about to be added. The last set index is an uncorrelated
-- subquery: DuckDB then scans only this session's sets, where a join (or a correlated
-- subquery) would aggregate the whole table first.
select
    s.athlete_id,
    a.unit,
    coalesce((select max(x.set_index) from sets as x where x.session_id = $id), 0) as last_index,
    s.started_at::date as day
from sessions as s
inner join athletes as a on a.athlete_id = s.athlete_id
where s.session_id = $id
