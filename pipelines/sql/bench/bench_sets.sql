-- one row per benchmark set: each session works through its program day's exercises in slots of four
insert into sets (
    session_id, exercise_id, set_index, set_type, weight_kg, entered_weight, entered_unit,
    reps, duration_s, rpe, rir, notes
)
with

plan as (
    select * from bench_session_plan
),

-- (position, exercise, how it is loaded, typical load or seconds, plate step in kg)
pool as (
    select * from (
        values
        (0, 'Barbell_Full_Squat', 'weighted', 80.0, 2.5),
        (1, 'Barbell_Deadlift', 'weighted', 100.0, 2.5),
        (2, 'Barbell_Bench_Press_-_Medium_Grip', 'weighted', 60.0, 2.5),
        (3, 'Standing_Military_Press', 'weighted', 40.0, 2.5),
        (4, 'Bent_Over_Barbell_Row', 'weighted', 60.0, 2.5),
        (5, 'Pullups', 'bodyweight', 0.0, 2.5),
        (6, 'Chin-Up', 'bodyweight', 0.0, 2.5),
        (7, 'Dips_-_Triceps_Version', 'bodyweight', 0.0, 2.5),
        (8, 'Pushups', 'bodyweight', 0.0, 2.5),
        (9, 'Weighted_Pull_Ups', 'weighted_bodyweight', 10.0, 2.5),
        (10, 'Band_Assisted_Pull-Up', 'assisted', 20.0, 5.0),
        (11, 'Plank', 'timed', 45.0, 5.0),
        (12, 'Romanian_Deadlift', 'weighted', 70.0, 2.5),
        (13, 'Leg_Press', 'weighted', 140.0, 5.0),
        (14, 'Lying_Leg_Curls', 'weighted', 40.0, 2.5),
        (15, 'Leg_Extensions', 'weighted', 50.0, 2.5),
        (16, 'Standing_Calf_Raises', 'weighted', 60.0, 5.0),
        (17, 'Dumbbell_Bench_Press', 'weighted', 24.0, 2.0),
        (18, 'Incline_Dumbbell_Press', 'weighted', 20.0, 2.0),
        (19, 'Wide-Grip_Lat_Pulldown', 'weighted', 55.0, 2.5),
        (20, 'Seated_Cable_Rows', 'weighted', 55.0, 2.5),
        (21, 'Dumbbell_Shoulder_Press', 'weighted', 18.0, 2.0),
        (22, 'Side_Lateral_Raise', 'weighted', 8.0, 2.0),
        (23, 'Barbell_Curl', 'weighted', 30.0, 2.5),
        (24, 'Hammer_Curls', 'weighted', 12.0, 2.0),
        (25, 'Triceps_Pushdown', 'weighted', 30.0, 2.5),
        (26, 'Barbell_Hip_Thrust', 'weighted', 80.0, 2.5),
        (27, 'Dumbbell_Lunges', 'weighted', 14.0, 2.0),
        (28, 'Goblet_Squat', 'weighted', 20.0, 4.0),
        (29, 'Kettlebell_Sumo_High_Pull', 'weighted', 16.0, 4.0),
        (30, 'Suitcase_Deadlift', 'weighted', 20.0, 2.0),
        (31, 'Plank_Up-Down', 'bodyweight', 0.0, 2.5),
        (32, 'Single-Leg_Pick-Up', 'bodyweight', 0.0, 2.5),
        (33, 'Windmill_Skater', 'bodyweight', 0.0, 2.5),
        (34, 'Superman', 'timed', 30.0, 5.0),
        (35, 'Face_Pull', 'weighted', 20.0, 2.5),
        (36, 'Barbell_Shrug', 'weighted', 80.0, 2.5),
        (37, 'Hanging_Leg_Raise', 'bodyweight', 0.0, 2.5),
        (38, 'Cable_Crunch', 'weighted', 35.0, 2.5),
        (39, 'Hyperextensions_Back_Extensions', 'bodyweight', 0.0, 2.5),
        (40, 'One-Arm_Dumbbell_Row', 'weighted', 26.0, 2.0),
        (41, 'Front_Squat_Clean_Grip', 'weighted', 60.0, 2.5),
        (42, 'Sumo_Deadlift', 'weighted', 100.0, 2.5),
        (43, 'Seated_Calf_Raise', 'weighted', 40.0, 5.0)
    ) as p (pool_no, exercise_id, kind, base, step)
),

set_rows as (
    select
        session_id,
        unit,
        athlete_no,
        program_day,
        progress,
        unnest(range(n_sets)) as j
    from plan
),

slotted as (
    select
        r.session_id,
        r.unit,
        r.athlete_no,
        r.progress,
        r.j,
        r.j % 4 as pos,
        hash(r.session_id, r.j) as h,
        -- each athlete keeps three program days, each a fixed list of exercises
        (hash(r.athlete_no, r.program_day, r.j // 4) % 44)::integer as pool_no,
        0.7 + (hash(r.athlete_no, 'strength') % 60) / 100.0 as strength
    from set_rows as r
),

shaped as (
    select
        s.session_id,
        s.j + 1 as set_index,
        p.exercise_id,
        s.unit,
        s.h,
        case
            when s.pos = 0 and p.kind = 'weighted' then 'warmup'
            when s.h % 20 = 0 then 'failure'
            when s.h % 20 = 1 and s.pos = 3 then 'drop'
            else 'working'
        end as set_type,
        case
            when p.kind = 'weighted' then
                greatest(
                    p.step,
                    round(
                        p.base * s.strength * (0.8 + 0.4 * s.progress)
                        * case when s.pos = 0 then 0.5 else 1.0 end / p.step
                    ) * p.step
                )
            when p.kind in ('weighted_bodyweight', 'assisted') then
                greatest(p.step, round(p.base * (1.2 - 0.6 * s.progress) / p.step) * p.step)
        end as load_kg,
        case
            when p.kind = 'timed' then null
            when s.pos = 0 and p.kind = 'weighted' then 10
            when p.kind = 'bodyweight' then 6 + (s.h // 7) % 15
            else 4 + (s.h // 7) % 9
        end as reps,
        case
            when p.kind = 'timed' then p.base + 5 * ((s.h // 7) % 10)
        end as duration_s
    from slotted as s
    inner join pool as p on p.pool_no = s.pool_no
),

final as (
    select
        session_id,
        exercise_id,
        set_index,
        set_type,
        case
            when load_kg is null then null
            when unit = 'lb' then round(load_kg / 0.45359237 / 5) * 5 * 0.45359237
            else load_kg
        end as weight_kg,
        case
            when load_kg is null then null
            when unit = 'lb' then round(load_kg / 0.45359237 / 5) * 5
            else load_kg
        end as entered_weight,
        case when load_kg is not null then unit end as entered_unit,
        reps,
        duration_s,
        case when set_type <> 'warmup' and h % 3 = 0 then 6.5 + 0.5 * ((h // 3) % 8) end as rpe,
        case when set_type <> 'warmup' and h % 3 = 1 and h % 11 = 0 then (h // 11) % 4 end as rir,
        case when h % 997 = 0 then 'Felt strong today' else '' end as notes
    from shaped
)

select * from final
order by session_id, set_index
