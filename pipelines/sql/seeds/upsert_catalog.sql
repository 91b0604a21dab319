-- one row per shipped reference fact: the staged seed_* tables upserted into the catalog tables
insert into muscle_groups
select muscle_group, region, display_order::integer from seed_muscle_groups
on conflict (muscle_group) do update set
    region = excluded.region, display_order = excluded.display_order;

insert into muscles
select muscle, muscle_group, coalesce(description, '') from seed_muscles
on conflict (muscle) do update set
    muscle_group = excluded.muscle_group, description = excluded.description;

insert into exercises (
    exercise_id, name, name_norm, category, equipment, mechanic, force, level, load_type,
    unilateral, bodyweight_factor, stance, cues, source, mapped
)
select
    exercise_id, name, name_norm, coalesce(category, ''), coalesce(equipment, ''),
    coalesce(mechanic, ''), coalesce(force, ''), coalesce(level, ''), load_type,
    unilateral::boolean, coalesce(bodyweight_factor, '0')::double, coalesce(stance, ''),
    coalesce(cues, ''), source, true
from seed_exercises
on conflict (exercise_id) do update set
    name = excluded.name, name_norm = excluded.name_norm, category = excluded.category,
    equipment = excluded.equipment, mechanic = excluded.mechanic, force = excluded.force,
    level = excluded.level, load_type = excluded.load_type, unilateral = excluded.unilateral,
    bodyweight_factor = excluded.bodyweight_factor, stance = excluded.stance,
    cues = excluded.cues, source = excluded.source, mapped = true;

delete from exercise_muscles
where exercise_id in (select exercise_id from exercises where source in ('catalog', 'liftboard'));

insert into exercise_muscles
select exercise_id, muscle_group, role from seed_exercise_muscles;

delete from exercise_aliases where source = 'catalog';

insert into exercise_aliases (alias_norm, alias, exercise_id, source)
select alias_norm, alias, exercise_id, 'catalog' from seed_exercise_aliases
on conflict (alias_norm) do nothing;

delete from exercise_variations;

insert into exercise_variations
select
    exercise_id, position::integer, variation, kind, coalesce(description, ''),
    nullif(target_exercise_id, '')
from seed_exercise_variations;

insert into workout_templates
select
    template_id, name, coalesce(description, ''), rounds::integer,
    passes_per_round::integer, rest_s::integer, minutes_min::integer,
    minutes_max::integer, coalesce(defaults_note, ''), 'liftboard'
from seed_workout_templates
on conflict (template_id) do update set
    name = excluded.name, description = excluded.description, rounds = excluded.rounds,
    passes_per_round = excluded.passes_per_round, rest_s = excluded.rest_s,
    minutes_min = excluded.minutes_min, minutes_max = excluded.minutes_max,
    defaults_note = excluded.defaults_note
where workout_templates.source = 'liftboard';

delete from template_items
where template_id in (select template_id from workout_templates where source = 'liftboard');

insert into template_items
select
    i.template_id, i.round_no::integer, i.position::integer, i.exercise_id,
    nullif(i.reps, '')::integer, nullif(i.seconds, '')::integer, i.per_side::boolean, i.role,
    coalesce(i.notes, '')
from seed_template_items as i
inner join workout_templates as t on t.template_id = i.template_id
where t.source = 'liftboard';

insert into volume_landmarks
select
    muscle_group, mv_sets::double, mev_sets::double, mav_low_sets::double,
    mav_high_sets::double, mrv_sets::double, coalesce(basis, '')
from seed_volume_landmarks
on conflict (muscle_group) do update set
    mv_sets = excluded.mv_sets, mev_sets = excluded.mev_sets,
    mav_low_sets = excluded.mav_low_sets, mav_high_sets = excluded.mav_high_sets,
    mrv_sets = excluded.mrv_sets, basis = excluded.basis;

insert into volume_landmarks_beginner
select
    muscle_group, mv_sets::double, mev_sets::double, mav_low_sets::double,
    mav_high_sets::double, mrv_sets::double, coalesce(basis, '')
from seed_volume_landmarks_beginner
on conflict (muscle_group) do update set
    mv_sets = excluded.mv_sets, mev_sets = excluded.mev_sets,
    mav_low_sets = excluded.mav_low_sets, mav_high_sets = excluded.mav_high_sets,
    mrv_sets = excluded.mrv_sets, basis = excluded.basis;

delete from exercise_popularity;

insert into exercise_popularity
select exercise_id, popularity_rank::integer from seed_exercise_popularity;
