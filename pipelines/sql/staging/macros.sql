-- Macros every model shares: which week a day falls in, and the sessions of a range.
-- Defined (create or replace) whenever a database is opened; see pipelines/staging.py.

-- the first day of the week that holds `day`, weeks starting on ISO weekday `first_isodow`
-- (Monday 1 ... Sunday 7)
create or replace macro week_start(day, first_isodow) as
    day::date - ((isodow(day::date) - first_isodow + 7) % 7)::integer;

-- the number of that week, counting from the first week start on or after Monday 1970-01-05
-- (that week is 0; weeks before it are negative)
create or replace macro week_no(day, first_isodow) as
    (week_start(day, first_isodow) - (date '1970-01-05' + (first_isodow - 1)::integer)) // 7;

-- the number of the calendar month of `day`, counting from January 1970 (month 0)
create or replace macro month_no(day) as
    (year(day::date) - 1970) * 12 + month(day::date) - 1;

-- the first day of the period that holds `day`: its calendar month when `by_month`, else its
-- week
create or replace macro period_start(day, first_isodow, by_month) as
    case
        when by_month::boolean then date_trunc('month', day::date)::date
        else week_start(day, first_isodow)
    end;

-- the first days of every period from the one holding `first_day` to the one holding
-- `last_day`, as a list (unnest it for rows): calendar months when `by_month`, else weeks
create or replace macro period_starts(first_day, last_day, first_isodow, by_month) as
    generate_series(
        period_start(first_day, first_isodow, by_month),
        last_day::date,
        case when by_month::boolean then interval 1 month else interval 7 day end
    );

-- one row per session of one athlete (null: everyone) started from `from_day` to `to_day`
-- (inclusive local days; either may be null for no bound), with the day it counts on
create or replace macro sessions_in_range(of_athlete, from_day, to_day) as table
    select
        *,
        started_at::date as performed_on
    from sessions
    where
        (of_athlete::integer is null or athlete_id = of_athlete::integer)
        and (from_day::date is null or started_at >= from_day::date)
        and (to_day::date is null or started_at < to_day::date + 1);

-- one row per muscle group: its region and its number 0, 1, ... in display order
create or replace macro muscle_group_numbers() as table
    select
        muscle_group,
        region,
        (row_number() over (order by display_order, muscle_group) - 1)::bigint as group_index
    from muscle_groups;
