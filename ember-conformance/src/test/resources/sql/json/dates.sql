-- Dates and timestamps stay strings unless inferTimestamp; a schema reads them with dateFormat, timestampFormat or seconds since the epoch.
CREATE OR REPLACE TEMPORARY VIEW d USING json OPTIONS (path '${data}/json/dates.json');
SELECT * FROM d;
CREATE OR REPLACE TEMPORARY VIEW d2 USING json OPTIONS (path '${data}/json/dates.json', inferTimestamp 'true');
SELECT * FROM d2;
CREATE OR REPLACE TEMPORARY VIEW d3 USING json OPTIONS (path '${data}/json/dates.json', dateFormat 'dd/MM/yyyy', timestampFormat 'dd/MM/yyyy HH:mm', inferTimestamp 'true');
SELECT * FROM d3;
CREATE OR REPLACE TEMPORARY VIEW d4 (d date, t timestamp, c date, ct timestamp, n timestamp) USING json OPTIONS (path '${data}/json/dates.json', dateFormat 'dd/MM/yyyy', timestampFormat 'dd/MM/yyyy HH:mm');
SELECT * FROM d4;
CREATE OR REPLACE TEMPORARY VIEW d5 (d date, t timestamp, n timestamp) USING json OPTIONS (path '${data}/json/dates.json');
SELECT * FROM d5;
CREATE OR REPLACE TEMPORARY VIEW d6 (t timestamp) USING json OPTIONS (path '${data}/json/dates.json', timeZone 'UTC');
SELECT * FROM d6;
