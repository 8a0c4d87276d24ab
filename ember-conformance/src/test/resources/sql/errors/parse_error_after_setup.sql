-- A syntax error after a valid command: Ember parses the whole script first.
CREATE OR REPLACE TEMPORARY VIEW t AS SELECT 1 AS id;
SELECT id FROM t WHERE id >;
