-- one row per (athlete_id, week_no, group_index) with hard sets: sets, reps, tonnage, seconds
-- The trained cells of the weekly_muscle_volume mart (counted by staging/int_muscle_cells);
-- pipelines/weekly_volume.py lays them on the full grid of weeks (marts/weekly_spans) x muscle
-- groups, zeros elsewhere, already in order. With $dirty_upto set, only the (athlete, Monday
-- week) pairs that volume_dirty lists up to that id are counted (pipelines/volume_cache.py).
select
    athlete_id,
    period_no as week_no,
    group_index,
    hard_sets,
    direct_sets,
    secondary_sets,
    reps,
    tonnage_kg,
    estimated_tonnage_kg,
    duration_s
from muscle_cells(
    $athlete_id, $start, $end, $secondary_weight, $week_start_isodow, false, $dirty_upto
)
