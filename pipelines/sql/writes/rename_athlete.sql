-- gives athlete $athlete_id the name $new_name by moving everything of theirs onto a new
-- athlete row that carries the new name and every other column of the old one. DuckDB cannot
-- change a unique column of a row that other tables refer to, so the name is never updated in
-- place. Sessions get new ids (the old rows are removed in a later step, once nothing refers
-- to them); sets keep their ids, so links to them stay valid. The new row's id is left in
-- athlete_moves.
create or replace temp table athlete_moves as
select
    $athlete_id::integer as old_id,
    nextval('athlete_id_seq')::integer as new_id;

insert into athletes by name
select a.* replace (m.new_id as athlete_id, $new_name::varchar as name)
from athletes as a
inner join athlete_moves as m on m.old_id = a.athlete_id;

create or replace temp table session_moves as
select
    session_id as old_id,
    nextval('session_id_seq') as new_id
from sessions
where athlete_id = $athlete_id::integer;

insert into sessions by name
select s.* replace (m.new_id as session_id, (select new_id from athlete_moves) as athlete_id)
from sessions as s
inner join session_moves as m on m.old_id = s.session_id;

create or replace temp table moved_sets as
select x.* replace (m.new_id as session_id)
from sets as x
inner join session_moves as m on m.old_id = x.session_id;

delete from sets where session_id in (select old_id from session_moves);

insert into sets by name select * from moved_sets;

update import_sessions set session_id = m.new_id
from session_moves as m
where import_sessions.session_id = m.old_id;

create or replace temp table moved_bodyweights as
select * replace ((select new_id from athlete_moves) as athlete_id)
from bodyweights
where athlete_id = $athlete_id::integer;

delete from bodyweights where athlete_id = $athlete_id::integer;

insert into bodyweights by name select * from moved_bodyweights;

create or replace temp table moved_landmarks as
select * replace ((select new_id from athlete_moves) as athlete_id)
from athlete_volume_landmarks
where athlete_id = $athlete_id::integer;

delete from athlete_volume_landmarks where athlete_id = $athlete_id::integer;

insert into athlete_volume_landmarks by name select * from moved_landmarks;

update volume_cells set athlete_id = (select new_id from athlete_moves)
where athlete_id = $athlete_id::integer;

update volume_dirty set athlete_id = (select new_id from athlete_moves)
where athlete_id = $athlete_id::integer;

update imports set athlete = $new_name::varchar
where lower(trim(athlete)) = lower($old_name::varchar);

drop table moved_sets;

drop table moved_bodyweights;

drop table moved_landmarks;
