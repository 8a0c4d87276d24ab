-- multiLine: a file holds one JSON value, an array of records or a single object; a broken file is one corrupt record.
CREATE OR REPLACE TEMPORARY VIEW ml USING json OPTIONS (path '${data}/json/multiline.json', multiLine 'true');
SELECT * FROM ml;
CREATE OR REPLACE TEMPORARY VIEW single USING json OPTIONS (path '${data}/json/single_object.json', multiLine 'true');
SELECT * FROM single;
CREATE OR REPLACE TEMPORARY VIEW broken (id bigint, _corrupt_record string) USING json OPTIONS (path '${data}/json/multiline_broken.json', multiLine 'true');
SELECT * FROM broken;
CREATE OR REPLACE TEMPORARY VIEW typed (id bigint, name string) USING json OPTIONS (path '${data}/json/multiline.json', multiLine 'true');
SELECT * FROM typed;
