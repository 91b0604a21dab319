-- one row per exercise: the athlete's most recent set of it (working sets preferred to warm-ups)
with

sessions as (
    select * from sessions
),

sets as (
    select * from sets
),

athlete_sets as (
    select
        x.exercise_id,
        s.started_at,
        x.set_index,
        x.set_id,
        x.set_type,
        x.weight_kg,
        x.entered_weight,
        x.entered_unit,
        x.reps,
        x.duration_s,
        x.rpe
    from sets as x
    inner join sessions as s on s.session_id = x.session_id
    where
        s.athlete_id = $athlete_id::integer
        and list_contains($exercise_ids::varchar[], x.exercise_id)
),

ranked as (
    select
        *,
        row_number() over (
            partition by exercise_id
            order by set_type <> 'warmup' desc, started_at desc, set_index desc, set_id desc
        ) as recency
    from athlete_sets
),

final as (
    select
        exercise_id,
        started_at::date as performed_on,
        set_type,
        weight_kg,
        entered_weight,
        entered_unit,
        reps,
        duration_s,
        rpe
    from ranked
    where recency = 1
)

select * from final
order by exercise_id
