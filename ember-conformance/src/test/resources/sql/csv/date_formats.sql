-- dateFormat and timestampFormat on read, declared and inferred, and timeZone for timestamps without an offset.
CREATE OR REPLACE TEMPORARY VIEW f (id int, day date, ts timestamp) USING csv OPTIONS (path '${data}/csv/formats.csv', header 'true', dateFormat 'dd/MM/yyyy', timestampFormat 'dd/MM/yyyy HH:mm');
SELECT * FROM f;
CREATE OR REPLACE TEMPORARY VIEW fz (id int, day date, ts timestamp) USING csv OPTIONS (path '${data}/csv/formats.csv', header 'true', dateFormat 'dd/MM/yyyy', timestampFormat 'dd/MM/yyyy HH:mm', timeZone 'America/New_York');
SELECT * FROM fz;
CREATE OR REPLACE TEMPORARY VIEW fi USING csv OPTIONS (path '${data}/csv/formats.csv', header 'true', inferSchema 'true', dateFormat 'dd/MM/yyyy', timestampFormat 'dd/MM/yyyy HH:mm');
SELECT * FROM fi;
CREATE OR REPLACE TEMPORARY VIEW tz (i int, l bigint, d double, dec string, b boolean, day date, ts timestamp) USING csv OPTIONS (path '${data}/csv/types.csv', header 'true', timeZone 'UTC');
SELECT ts FROM tz;
