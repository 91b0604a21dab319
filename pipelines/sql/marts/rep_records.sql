-- one row per rep count from 1 to 12: the heaviest load the athlete lifted for at least that many
-- reps of the exercise (its "n-rep max"), in kg, and the first day that load was lifted so
-- Hard (working, drop, failure) sets with a load only; empty where no set reached that many reps.
with

exercise_sets as (
    select * from stg_sets($athlete_id, null, null, 1)
    where exercise_id = $exercise_id::varchar
),

rep_counts as (
    select unnest(range(1, 13)) as rep_count
),

loaded_sets as (
    select
        performed_on,
        weight_kg,
        reps
    from exercise_sets
    where is_hard and weight_kg > 0 and reps >= 1
),

best as (
    select
        r.rep_count,
        max(x.weight_kg) as weight_kg,
        arg_max(x.reps, (x.weight_kg, -epoch(x.performed_on))) as reps,
        arg_max(x.performed_on, (x.weight_kg, -epoch(x.performed_on))) as achieved_on
    from rep_counts as r
    inner join loaded_sets as x on x.reps >= r.rep_count
    group by r.rep_count
),

final as (
    select
        r.rep_count,
        b.weight_kg,
        b.reps,
        b.achieved_on
    from rep_counts as r
    left join best as b on b.rep_count = r.rep_count
)

select * from final
order by rep_count
