-- How common each well-known lift is (1 = the most common), refreshed from
-- data/exercise_popularity.csv like the rest of the reference data. The exercise search ranks
-- by it after the athlete's own recent use; exercises without a row come after those with one.

create table exercise_popularity (
    exercise_id varchar primary key,
    popularity_rank integer not null check (popularity_rank >= 1)
);
