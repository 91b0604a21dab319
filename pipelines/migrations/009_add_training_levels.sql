-- Each athlete's training level chooses which shipped landmarks apply: RP's intermediate ones
-- (volume_landmarks, as before, the default) or the beginner ones (volume_landmarks_beginner,
-- refreshed from data/volume_landmarks_beginner.csv). An athlete's own landmarks still win.

alter table athletes add column training_level varchar default 'intermediate';

create table volume_landmarks_beginner (
    muscle_group varchar primary key references muscle_groups (muscle_group),
    mv_sets double,
    mev_sets double,
    mav_low_sets double,
    mav_high_sets double,
    mrv_sets double,
    basis varchar not null default '',
    check (
        (mv_sets is null and mev_sets is null and mav_low_sets is null
            and mav_high_sets is null and mrv_sets is null)
        or (0 <= mv_sets and mv_sets <= mev_sets and mev_sets <= mav_low_sets
            and mav_low_sets <= mav_high_sets and mav_high_sets <= mrv_sets and mrv_sets <= 100)
    )
);
