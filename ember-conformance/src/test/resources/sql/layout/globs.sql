-- Glob patterns in paths: each match is a root of its own, so partition columns start below it.
CREATE OR REPLACE TEMPORARY VIEW months USING csv OPTIONS (path '${data}/sales_by_date/year=2024/month=*', header 'true');
SELECT * FROM months ORDER BY id;
CREATE OR REPLACE TEMPORARY VIEW alternatives USING csv OPTIONS (path '${data}/sales_by_date/year=2024/month={2,12}', header 'true', inferSchema 'true');
SELECT * FROM alternatives ORDER BY id;
CREATE OR REPLACE TEMPORARY VIEW files USING csv OPTIONS (path '${data}/sales_by_date/year=2024/month=?/part-[0-9].csv', header 'true');
SELECT * FROM files ORDER BY id;
CREATE OR REPLACE TEMPORARY VIEW filtered USING csv OPTIONS (path '${data}/sales_by_date', header 'true', pathGlobFilter 'part-*');
SELECT count(*) FROM filtered;
