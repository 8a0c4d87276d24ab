-- Date and timestamp inference: dates mixed with timestamps or numbers, with and without preferDate and a dateFormat.
CREATE OR REPLACE TEMPORARY VIEW d USING csv OPTIONS (path '${data}/csv/dates_mixed.csv', header 'true', inferSchema 'true');
SELECT * FROM d;
CREATE OR REPLACE TEMPORARY VIEW d2 USING csv OPTIONS (path '${data}/csv/dates_mixed.csv', header 'true', inferSchema 'true', preferDate 'false');
SELECT * FROM d2;
CREATE OR REPLACE TEMPORARY VIEW d3 USING csv OPTIONS (path '${data}/csv/dates_mixed.csv', header 'true', inferSchema 'true', dateFormat 'yyyy-MM-dd');
SELECT * FROM d3;
