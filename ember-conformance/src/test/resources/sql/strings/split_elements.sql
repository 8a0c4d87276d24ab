-- Elements of arrays from split and array(): subscripts count from 0, element_at from 1 or from the end; size; concat_ws joins arrays.
SELECT split('a,b,c', ',')[0], element_at(split('a,b,c', ','), -1), size(split('', ',')), size(NULL), split(NULL, ',')[0], array('x', NULL)[1];
SELECT concat_ws('-', array('a', NULL, 'b'), NULL, array(1, 2)), array(1, 2.5), array('a', NULL), size(array());
CREATE OR REPLACE TEMPORARY VIEW t AS SELECT * FROM VALUES ('a b c', 1), ('x', 0), (NULL, 1), ('p q', NULL) AS t(s, i);
SELECT s, i, split(s, ' ')[i], element_at(split(s, ' '), i + 1), size(split(s, ' ')) FROM t;
