-- Header names that repeat (also by case) get their position appended; a blank one becomes _c<position>.
CREATE OR REPLACE TEMPORARY VIEW d USING csv OPTIONS (path '${data}/csv/dupheader.csv', header 'true');
SELECT * FROM d;
CREATE OR REPLACE TEMPORARY VIEW di USING csv OPTIONS (path '${data}/csv/dupheader.csv', header 'true', inferSchema 'true', samplingRatio '1.0');
SELECT * FROM di;
