-- Each athlete's rest between single sets on the Log page, in seconds (the countdown after
-- Add set). Ninety seconds suits most strength work; the Log page lets the lifter change it.

alter table athletes add column rest_s integer default 90;
