-- The packed integer keys of weekly_muscle_volume, with their limits checked.
-- Grouping and joining millions of sets on one integer is several times faster than on three
-- columns, so the mart packs (athlete, week), then (athlete, week, exercise) and
-- (athlete, week, muscle group) into single bigints. Their parts and limits:
--   athlete_week       = athlete_id x 2^20 + (week_no + 2^19)
--                        athlete_id 0 .. 2^23 - 1 (8,388,607), week_no -2^19 .. 2^19 - 1
--                        (about 10,000 years either side of 1970)
--   athlete_week_item  = athlete_week x 2^20 + exercise_no, exercise_no 0 .. 2^20 - 1
--                        (1,048,575 exercises); the largest key stays below 2^63
--   athlete_week_group = athlete_week x 2^5 + group_index, group_index 0 .. 31 (32 groups)
-- A value outside its limit stops the query with an error that names it, instead of giving
-- wrong sums. Defined whenever a database is opened; see pipelines/staging.py.

create or replace macro volume_week_slots() as 1048576;

create or replace macro volume_exercise_slots() as 1048576;

create or replace macro volume_group_slots() as 32;

create or replace macro volume_athlete_week(athlete_id, week_no) as
    case
        when athlete_id between 0 and 8388607 and week_no between -524288 and 524287
            then athlete_id::bigint * volume_week_slots() + 524288 + week_no
        else error(
            'weekly volume keys hold athlete ids 0 to 8388607 and weeks within 10,000 years '
            || 'of 1970; got athlete ' || athlete_id || ', week ' || week_no
        )
    end;

create or replace macro volume_checked_exercise_no(exercise_no) as
    case
        when exercise_no between 0 and volume_exercise_slots() - 1 then exercise_no::bigint
        else error('weekly volume keys hold at most 1048575 exercises; got ' || exercise_no)
    end;

create or replace macro volume_checked_group_index(group_index) as
    case
        when group_index between 0 and volume_group_slots() - 1 then group_index::bigint
        else error('weekly volume keys hold at most 32 muscle groups; got ' || (group_index + 1))
    end;

create or replace macro volume_athlete_week_item(athlete_week, exercise_no) as
    athlete_week * volume_exercise_slots() + exercise_no;

create or replace macro volume_item_athlete_week(athlete_week_item) as
    athlete_week_item // volume_exercise_slots();

create or replace macro volume_item_exercise_no(athlete_week_item) as
    athlete_week_item % volume_exercise_slots();

create or replace macro volume_athlete_week_group(athlete_week, group_index) as
    athlete_week * volume_group_slots() + group_index;

create or replace macro volume_group_athlete_id(athlete_week_group) as
    athlete_week_group // (volume_group_slots() * volume_week_slots());

create or replace macro volume_group_week_no(athlete_week_group) as
    (athlete_week_group // volume_group_slots()) % volume_week_slots() - 524288;

create or replace macro volume_group_index(athlete_week_group) as
    athlete_week_group % volume_group_slots();
