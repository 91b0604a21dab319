-- one row per (athlete, muscle group) registered as `incoming_landmarks`: the athlete's own
-- landmarks, replacing any earlier ones for that group
insert into athlete_volume_landmarks (
    athlete_id, muscle_group, mv_sets, mev_sets, mav_low_sets, mav_high_sets, mrv_sets, updated_at
)
select
    athlete_id, muscle_group, mv_sets, mev_sets, mav_low_sets, mav_high_sets, mrv_sets,
    now()::timestamp
from incoming_landmarks
on conflict (athlete_id, muscle_group) do update set
    mv_sets = excluded.mv_sets,
    mev_sets = excluded.mev_sets,
    mav_low_sets = excluded.mav_low_sets,
    mav_high_sets = excluded.mav_high_sets,
    mrv_sets = excluded.mrv_sets,
    updated_at = excluded.updated_at
