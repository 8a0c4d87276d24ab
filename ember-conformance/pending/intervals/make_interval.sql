-- make_interval, make_dt_interval and make_ym_interval, with nulls, and date arithmetic with their results.
SELECT make_interval(1, 2, 3, 4, 5, 6, 7.5);
SELECT make_interval(0, 0, 0, 1), make_interval(), make_interval(1, NULL);
SELECT make_dt_interval(1, 2, 3, 4.25), make_dt_interval(2), make_dt_interval(), make_dt_interval(NULL, 1);
SELECT make_ym_interval(1, 2), make_ym_interval(3), make_ym_interval(), make_ym_interval(-1, 5);
SELECT DATE '2024-01-31' + make_ym_interval(0, 1), DATE '2024-01-01' + make_dt_interval(2);
SELECT TIMESTAMP '2024-01-01 00:00:00' + make_dt_interval(1, 2, 3, 4.5), TIMESTAMP '2024-01-31 10:00:00' + make_interval(0, 1, 0, 1, 2);
SELECT n, make_ym_interval(n, n), make_dt_interval(n, n) FROM VALUES (1), (-2), (NULL) AS t(n) ORDER BY n;
