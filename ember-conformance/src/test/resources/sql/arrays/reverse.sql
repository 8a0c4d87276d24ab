-- reverse: of an array its elements in reverse order (NULL elements kept), of a string its characters.
CREATE OR REPLACE TEMPORARY VIEW t AS SELECT * FROM VALUES
  (1, array(3, 1, NULL, 2), 'abc'), (2, array(), ''), (3, NULL, NULL), (4, array(NULL), 'x')
  AS t(id, a, s);
SELECT id, reverse(a), reverse(s), size(reverse(a)) FROM t;
SELECT reverse(array('b', 'a', NULL)), reverse(array(array(1, 2), array(3))), reverse(NULL), reverse(123);
