-- one row per exercise, in the order the exercise search offers them: the athlete's recent
-- lifts first (latest first), then the common lifts (most common first), then the rest with
-- the shortest names first (the typed text is the biggest part of a short name), then by name
with

exercises as (
    select * from exercises
),

exercise_aliases as (
    select * from exercise_aliases
),

exercise_popularity as (
    select * from exercise_popularity
),

sessions as (
    select * from sessions
),

sets as (
    select * from sets
),

recent_sessions as (
    select
        session_id,
        started_at
    from sessions
    where
        athlete_id = $athlete_id::integer
        and started_at >= $as_of::date - to_days($recent_days::integer)
        and started_at < $as_of::date + interval 1 day
),

last_done as (
    select
        x.exercise_id,
        max(s.started_at) as last_done_at
    from sets as x
    inner join recent_sessions as s on s.session_id = x.session_id
    group by x.exercise_id
),

aliases as (
    -- an alias that the name already spells out adds nothing to the label
    select
        x.exercise_id,
        string_agg(x.alias, ', ' order by lower(x.alias)) as aliases
    from exercise_aliases as x
    inner join exercises as e on e.exercise_id = x.exercise_id
    where not contains(lower(e.name), lower(x.alias))
    group by x.exercise_id
),

final as (
    select
        e.exercise_id,
        e.name,
        coalesce(a.aliases, '') as aliases,
        e.name || coalesce(' · ' || a.aliases, '') as label,
        e.load_type,
        e.unilateral,
        d.last_done_at,
        p.popularity_rank
    from exercises as e
    left join aliases as a on a.exercise_id = e.exercise_id
    left join last_done as d on d.exercise_id = e.exercise_id
    left join exercise_popularity as p on p.exercise_id = e.exercise_id
)

select
    *,
    row_number() over (
        order by
            last_done_at desc nulls last,
            popularity_rank nulls last,
            length(name),
            lower(name),
            exercise_id
    ) as search_rank
from final
order by search_rank
