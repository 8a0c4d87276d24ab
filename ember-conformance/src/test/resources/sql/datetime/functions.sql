CREATE OR REPLACE TEMPORARY VIEW d AS SELECT * FROM VALUES (DATE '2024-01-31', '2024-03-05'), (DATE '2020-02-29', '1999-12-31'), (DATE '2023-01-01', NULL), (NULL, '2021-06-15') AS d(day, text);
-- Date functions: calendar fields, day arithmetic, parsing and formatting.
SELECT day, year(day), quarter(day), month(day), day(day), dayofmonth(day), dayofweek(day), weekday(day), dayofyear(day), weekofyear(day) FROM d;
SELECT extract(year FROM day) AS y, extract(month FROM day) AS m, extract(day FROM day) AS dd, extract(dow FROM day) AS dw FROM d;
SELECT date_add(day, 30), date_sub(day, 400), datediff(day, DATE '2020-01-01'), datediff(to_date(text), day), add_months(day, 1), add_months(day, -13), last_day(day) FROM d;
SELECT to_date(text), year(text), to_date('05/03/2024', 'dd/MM/yyyy'), date_format(day, 'yyyy/MM/dd'), date_format(day, 'MMM d, yyyy') FROM d;
SELECT typeof(day), typeof(day + 1), typeof(year(day)), current_date() = current_date, datediff(current_date(), DATE '2020-01-01') > 0 FROM d;
