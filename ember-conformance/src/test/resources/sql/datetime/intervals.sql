CREATE OR REPLACE TEMPORARY VIEW d AS SELECT * FROM VALUES (DATE '2024-01-31'), (DATE '1998-12-01'), (DATE '2023-02-28'), (NULL) AS d(day);
-- Dates plus and minus interval literals and day counts, as TPC-H writes them.
SELECT day, day - INTERVAL '90' DAY AS minus90, day + INTERVAL '1' MONTH AS plus_month, day + INTERVAL '1' YEAR AS plus_year FROM d;
SELECT day + INTERVAL 3 MONTHS AS a, day - INTERVAL '1-6' YEAR TO MONTH AS b, day + INTERVAL '2' WEEK AS c, INTERVAL '1' DAY + day AS e FROM d;
SELECT day + 1 AS tomorrow, day - 1 AS yesterday, 2 + day AS after FROM d;
SELECT count(*) FROM d WHERE day <= DATE '1998-12-01' - INTERVAL '90' DAY OR day >= DATE '2024-01-01' + INTERVAL '3' MONTH - INTERVAL '2' MONTH;
SELECT DATE '1998-12-01' - INTERVAL '90' DAY, DATE '1994-01-01' + INTERVAL '1' YEAR;
SELECT day + INTERVAL '3' DAY, INTERVAL '3' DAY + day, day - INTERVAL '2' MONTH, day + INTERVAL '1-2' YEAR TO MONTH FROM d;
