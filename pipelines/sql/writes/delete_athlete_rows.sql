-- everything of one athlete ($athlete_id, called $name) but their sessions, their imports and
-- their own row, which later steps remove (DuckDB refuses to delete a parent row in the
-- transaction that deletes its children): sets, the links of imports and mappings to those
-- sets and sessions, the links of the athlete's imports, bodyweights, landmarks and kept
-- weekly cells
create or replace temp table doomed_sessions as
select session_id from sessions where athlete_id = $athlete_id::integer;

create or replace temp table doomed_sets as
select set_id from sets where session_id in (select session_id from doomed_sessions);

delete from mapped_sets where set_id in (select set_id from doomed_sets);

delete from import_sets where set_id in (select set_id from doomed_sets);

delete from import_sessions where session_id in (select session_id from doomed_sessions);

delete from import_sets
where import_id in (select import_id from imports where lower(trim(athlete)) = lower($name));

delete from import_sessions
where import_id in (select import_id from imports where lower(trim(athlete)) = lower($name));

delete from sets where set_id in (select set_id from doomed_sets);

delete from bodyweights where athlete_id = $athlete_id::integer;

delete from athlete_volume_landmarks where athlete_id = $athlete_id::integer;

delete from volume_cells where athlete_id = $athlete_id::integer;

delete from volume_dirty where athlete_id = $athlete_id::integer;

drop table doomed_sets;

drop table doomed_sessions;
