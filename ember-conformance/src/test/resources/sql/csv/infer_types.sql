-- inferSchema over ints, longs, doubles, big whole numbers, booleans, dates, timestamps and mixed columns.
CREATE OR REPLACE TEMPORARY VIEW t USING csv OPTIONS (path '${data}/csv/types.csv', header 'true', inferSchema 'true');
SELECT * FROM t;
CREATE OR REPLACE TEMPORARY VIEW nodate USING csv OPTIONS (path '${data}/csv/types.csv', header 'true', inferSchema 'true', preferDate 'false');
SELECT day FROM nodate;
