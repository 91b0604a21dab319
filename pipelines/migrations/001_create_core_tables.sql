-- The first schema of a Liftboard database: reference data, athletes, sessions and sets.
-- Reference tables (muscle_groups … template_items) are refreshed from data/*.csv by
-- pipelines.db.load_seeds; everything else belongs to the user and is never rewritten.

create table muscle_groups (
    muscle_group varchar primary key,
    region varchar not null check (region in ('back', 'legs', 'core', 'arms', 'chest', 'shoulders')),
    display_order integer not null
);

create table muscles (
    muscle varchar primary key,
    muscle_group varchar not null references muscle_groups (muscle_group),
    description varchar not null default ''
);

create table exercises (
    exercise_id varchar primary key,
    name varchar not null check (length(trim(name)) > 0),
    name_norm varchar not null,
    category varchar not null default '',
    equipment varchar not null default '',
    mechanic varchar not null default '',
    force varchar not null default '',
    level varchar not null default '',
    load_type varchar not null check (
        load_type in ('weighted', 'bodyweight', 'weighted_bodyweight', 'assisted', 'timed', 'distance')
    ),
    unilateral boolean not null default false,
    bodyweight_factor double not null default 0 check (bodyweight_factor between 0 and 1.5),
    stance varchar not null default '',
    cues varchar not null default '',
    source varchar not null check (source in ('catalog', 'liftboard', 'custom')),
    mapped boolean not null default true,
    created_at timestamp not null default current_timestamp
);

create table exercise_muscles (
    exercise_id varchar not null references exercises (exercise_id),
    muscle_group varchar not null references muscle_groups (muscle_group),
    role varchar not null check (role in ('primary', 'secondary')),
    primary key (exercise_id, muscle_group)
);

create table exercise_aliases (
    alias_norm varchar primary key,
    alias varchar not null,
    exercise_id varchar not null references exercises (exercise_id),
    source varchar not null default 'catalog' check (source in ('catalog', 'user'))
);

create table exercise_variations (
    exercise_id varchar not null references exercises (exercise_id),
    position integer not null,
    variation varchar not null,
    kind varchar not null check (kind in ('harder', 'easier', 'equipment')),
    description varchar not null default '',
    target_exercise_id varchar references exercises (exercise_id),
    primary key (exercise_id, position)
);

create table workout_templates (
    template_id varchar primary key,
    name varchar not null,
    description varchar not null default '',
    rounds integer not null check (rounds between 1 and 50),
    passes_per_round integer not null default 1 check (passes_per_round between 1 and 20),
    rest_s integer not null default 0 check (rest_s between 0 and 3600),
    minutes_min integer,
    minutes_max integer,
    defaults_note varchar not null default '',
    source varchar not null default 'liftboard' check (source in ('liftboard', 'custom'))
);

create table template_items (
    template_id varchar not null references workout_templates (template_id),
    round_no integer not null check (round_no between 0 and 50),
    position integer not null,
    exercise_id varchar not null references exercises (exercise_id),
    reps integer check (reps between 1 and 1000),
    seconds integer check (seconds between 1 and 86400),
    per_side boolean not null default false,
    role varchar not null default 'main' check (role in ('main', 'addon')),
    notes varchar not null default '',
    primary key (template_id, round_no, position),
    check ((reps is null) <> (seconds is null))
);

create sequence athlete_id_seq start 1;
create table athletes (
    athlete_id integer primary key default nextval('athlete_id_seq'),
    name varchar not null unique check (length(trim(name)) between 1 and 200),
    unit varchar not null default 'kg' check (unit in ('kg', 'lb')),
    created_at timestamp not null default current_timestamp
);

create table bodyweights (
    athlete_id integer not null references athletes (athlete_id),
    measured_on date not null,
    bodyweight_kg double not null check (bodyweight_kg > 0 and bodyweight_kg <= 500),
    entered_weight double not null,
    entered_unit varchar not null check (entered_unit in ('kg', 'lb')),
    primary key (athlete_id, measured_on)
);

create sequence session_id_seq start 1;
create table sessions (
    session_id bigint primary key default nextval('session_id_seq'),
    athlete_id integer not null references athletes (athlete_id),
    started_at timestamp not null,
    ended_at timestamp,
    name varchar not null default '',
    template_id varchar references workout_templates (template_id),
    notes varchar not null default '',
    bodyweight_kg double check (bodyweight_kg > 0 and bodyweight_kg <= 500),
    source varchar not null default 'manual'
        check (source in ('manual', 'liftboard', 'strong', 'hevy', 'fitnotes', 'demo')),
    source_key varchar,
    created_at timestamp not null default current_timestamp,
    check (ended_at is null or ended_at >= started_at)
);

create sequence set_id_seq start 1;
create table sets (
    set_id bigint primary key default nextval('set_id_seq'),
    session_id bigint not null references sessions (session_id),
    exercise_id varchar not null references exercises (exercise_id),
    set_index integer not null check (set_index >= 1),
    set_type varchar not null default 'working'
        check (set_type in ('warmup', 'working', 'drop', 'failure')),
    weight_kg double check (weight_kg >= 0 and weight_kg <= 1000),
    entered_weight double,
    entered_unit varchar check (entered_unit in ('kg', 'lb')),
    reps integer check (reps between 0 and 1000),
    duration_s double check (duration_s >= 0 and duration_s <= 86400),
    distance_m double check (distance_m >= 0 and distance_m <= 1000000),
    rpe double check (rpe between 1 and 10),
    rir integer check (rir between 0 and 10),
    side varchar check (side in ('left', 'right')),
    notes varchar not null default '',
    logged_at timestamp not null default current_timestamp,
    source_key varchar
);

-- An append-only journal of writes: its largest id is the data version that caches key on.
-- Appends never conflict, so concurrent writers do not contend on a counter row.
create sequence change_id_seq start 1;
create table changes (
    change_id bigint primary key default nextval('change_id_seq'),
    changed_at timestamp not null default current_timestamp,
    what varchar not null
);

create table seed_state (
    seed varchar primary key,
    sha256 varchar not null,
    loaded_at timestamp not null default current_timestamp
);
