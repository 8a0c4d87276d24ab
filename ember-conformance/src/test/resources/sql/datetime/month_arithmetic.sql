-- Calendar arithmetic at month ends, leap days and year ends.
SELECT add_months(DATE '2024-01-31', 1), add_months(DATE '2023-01-31', 1), add_months(DATE '2024-02-29', 12), add_months(DATE '2024-03-31', -1);
SELECT last_day(DATE '2024-02-10'), last_day(DATE '2023-02-10'), last_day(DATE '2024-12-31');
SELECT date_add(DATE '2024-02-28', 1), date_add(DATE '2023-12-31', 1), date_sub(DATE '2024-03-01', 1), date_add(DATE '2024-01-01', -366);
SELECT datediff(DATE '2024-03-01', DATE '2024-02-28'), datediff(DATE '2023-01-01', DATE '2024-01-01');
SELECT DATE '2024-01-31' + INTERVAL 1 MONTH, DATE '2024-02-29' - INTERVAL 1 YEAR, DATE '1998-12-01' - INTERVAL '90' DAY;
SELECT year(d), quarter(d), month(d), dayofmonth(d), dayofweek(d), dayofyear(d), weekofyear(d) FROM VALUES (DATE '2024-12-30'), (DATE '2021-01-03'), (DATE '2024-02-29'), (CAST(NULL AS DATE)) AS t(d);
SELECT months_between(DATE '2024-03-31', DATE '2024-02-29'), months_between(DATE '2024-03-15', DATE '2024-01-01'), months_between(DATE '2024-01-01', DATE '2024-03-15'), months_between(TIMESTAMP '1997-02-28 10:30:00', DATE '1996-10-30'), months_between(TIMESTAMP '1997-02-28 10:30:00', DATE '1996-10-30', false), months_between(TIMESTAMP '2024-03-15 23:00:00', TIMESTAMP '2024-02-15 01:00:00'), months_between(NULL, DATE '2024-01-01'), months_between(TIMESTAMP '2020-01-02 00:00:00.5', TIMESTAMP '2020-01-01 00:00:00', false), months_between(TIMESTAMP '2020-01-03 12:00:00.999', TIMESTAMP '2020-02-01 00:00:00.001');
SELECT trunc(DATE '2024-05-17', 'MM'), trunc(DATE '2024-05-17', 'YEAR'), trunc(DATE '2024-05-17', 'QUARTER'), trunc(DATE '2024-05-17', 'WEEK');
