-- The header option: names from the first line, or _c0.. with the header line read as data.
CREATE OR REPLACE TEMPORARY VIEW h USING csv OPTIONS (path '${data}/csv/header_mismatch.csv', header 'true');
SELECT * FROM h;
CREATE OR REPLACE TEMPORARY VIEW nh USING csv OPTIONS (path '${data}/csv/header_mismatch.csv', header 'false');
SELECT * FROM nh;
SELECT * FROM csv.`${data}/csv/header_mismatch.csv`;
