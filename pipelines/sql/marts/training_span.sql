-- one row: the day of an athlete's first and of their latest session (both empty without any)
-- Trends anchors its date presets on them: the default range ends at the latest session, and
-- "all" starts at the first.
with

sessions as (
    select * from sessions_in_range($athlete_id, null, null)
),

final as (
    select
        min(performed_on) as first_day,
        max(performed_on) as last_day
    from sessions
)

select * from final
