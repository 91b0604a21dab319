-- one row per (athlete_id, muscle_group): the weekly set landmarks that apply, the athlete's own first
select
    athlete_id,
    muscle_group,
    mv_sets,
    mev_sets,
    mav_low_sets,
    mav_high_sets,
    mrv_sets,
    source,
    basis
from volume_landmarks_for($athlete_id)
order by athlete_id, display_order, muscle_group
