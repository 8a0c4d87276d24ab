-- A user schema that names partition columns gives their types; they still come last.
CREATE OR REPLACE TEMPORARY VIEW sales (id INT, month BIGINT, amount DOUBLE, year STRING) USING csv OPTIONS (path '${data}/sales_by_date', header 'true');
SELECT * FROM sales ORDER BY id;
SELECT sum(month) FROM sales WHERE year = '2024';
