-- Overflowing interval fields fail under ANSI.
SELECT make_ym_interval(2147483647, 12);
SELECT make_dt_interval(106751992);
SELECT make_interval(2147483647, 12);
