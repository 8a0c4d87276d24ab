-- wholetext reads each file as one row, line breaks kept; an empty file gives an empty string.
CREATE OR REPLACE TEMPORARY VIEW w USING text OPTIONS (path '${data}/text/dir', wholetext 'true');
SELECT value, length(value) FROM w;
CREATE OR REPLACE TEMPORARY VIEW m USING text OPTIONS (path '${data}/text/mixed.txt', wholetext 'true');
SELECT value FROM m;
