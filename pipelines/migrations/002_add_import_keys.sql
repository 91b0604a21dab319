-- Imports: a session is found again by (athlete, source, source key) and a set by (session,
-- source key), so importing the same export twice adds nothing. Custom exercises that the user
-- maps onto a catalog exercise remember their target here (their muscles are copied over).

create unique index sessions_source_key on sessions (athlete_id, source, source_key);

create unique index sets_source_key on sets (session_id, source_key);

create table exercise_mappings (
    exercise_id varchar primary key references exercises (exercise_id),
    target_exercise_id varchar not null references exercises (exercise_id),
    mapped_at timestamp not null default current_timestamp
);
