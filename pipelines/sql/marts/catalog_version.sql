-- the newest change that can alter exercise names, aliases or templates: anything but logging
-- sets, opening sessions, athletes' settings and weigh-ins (which happen many times a day)
select coalesce(max(change_id), 0) as catalog_version
from changes
where what not in ('sets', 'session', 'sessions', 'athlete', 'bodyweight', 'landmarks')
