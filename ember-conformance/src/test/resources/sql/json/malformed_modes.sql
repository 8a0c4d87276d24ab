-- Malformed lines (bad JSON, a non-object, invalid UTF-8, values of the wrong type) in each mode, with the corrupt-record column.
CREATE OR REPLACE TEMPORARY VIEW m USING json OPTIONS (path '${data}/json/malformed.json');
SELECT * FROM m;
SELECT id, v FROM m WHERE id IS NOT NULL;
SELECT count(*) FROM m;
CREATE OR REPLACE TEMPORARY VIEW dropped USING json OPTIONS (path '${data}/json/malformed.json', mode 'DROPMALFORMED');
SELECT * FROM dropped;
CREATE OR REPLACE TEMPORARY VIEW typed (id int, v string, w array<int>, _corrupt_record string) USING json OPTIONS (path '${data}/json/malformed.json');
SELECT * FROM typed;
CREATE OR REPLACE TEMPORARY VIEW renamed (id int, v string, bad string) USING json OPTIONS (path '${data}/json/malformed.json', columnNameOfCorruptRecord 'bad');
SELECT * FROM renamed;
CREATE OR REPLACE TEMPORARY VIEW typed_dropped (id int, v string) USING json OPTIONS (path '${data}/json/malformed.json', mode 'DROPMALFORMED');
SELECT * FROM typed_dropped;
CREATE OR REPLACE TEMPORARY VIEW typed_failfast (id int, v string) USING json OPTIONS (path '${data}/json/malformed.json', mode 'FAILFAST');
SELECT * FROM typed_failfast;
