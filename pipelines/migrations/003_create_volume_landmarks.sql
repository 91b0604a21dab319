-- Weekly set landmarks per muscle group: the shipped defaults (refreshed from
-- data/volume_landmarks.csv like the rest of the reference data) and each athlete's own values,
-- which take precedence and are never rewritten by a catalog refresh.
-- The order mv <= mev <= mav_low <= mav_high <= mrv holds in both tables.

create table volume_landmarks (
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

create table athlete_volume_landmarks (
    athlete_id integer not null references athletes (athlete_id),
    muscle_group varchar not null references muscle_groups (muscle_group),
    mv_sets double not null,
    mev_sets double not null,
    mav_low_sets double not null,
    mav_high_sets double not null,
    mrv_sets double not null,
    updated_at timestamp not null default current_timestamp,
    primary key (athlete_id, muscle_group),
    check (
        0 <= mv_sets and mv_sets <= mev_sets and mev_sets <= mav_low_sets
        and mav_low_sets <= mav_high_sets and mav_high_sets <= mrv_sets and mrv_sets <= 100
    )
);
