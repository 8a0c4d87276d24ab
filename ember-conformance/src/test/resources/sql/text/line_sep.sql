-- Text lines end at LF, CR or CRLF by default; lineSep sets one separator (one or several characters).
CREATE OR REPLACE TEMPORARY VIEW m USING text OPTIONS (path '${data}/text/mixed.txt');
SELECT value, length(value) FROM m;
CREATE OR REPLACE TEMPORARY VIEW p USING text OPTIONS (path '${data}/text/pipes.txt', lineSep '|');
SELECT value, length(value) FROM p;
CREATE OR REPLACE TEMPORARY VIEW ml USING text OPTIONS (path '${data}/text/multi.txt', lineSep ';;');
SELECT * FROM ml;
CREATE OR REPLACE TEMPORARY VIEW cr USING text OPTIONS (path '${data}/text/mixed.txt', lineSep '\r');
SELECT value, length(value) FROM cr;
