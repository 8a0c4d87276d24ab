-- substring over a column of multi-byte, empty and NULL strings, with positions and lengths from columns (NULLs too).
CREATE OR REPLACE TEMPORARY VIEW words AS SELECT * FROM VALUES
  (1, 'hello', 2, 3), (2, 'héllo😀x', 5, 2), (3, '', 1, 1), (4, NULL, 1, 2), (5, 'naïve', -3, 2), (6, '日本語テキスト', -9, 4),
  (7, 'abc', NULL, 1), (8, 'abc', 2, NULL), (9, 'abc', 0, 2), (10, 'abc', 4, 1), (11, 'abc', 2, -1), (12, '😀😀😀', 2, 5)
  AS words(id, s, pos, len);
SELECT id, substring(s, pos, len), substring(s, pos), substr(s, 2), substring(s, -2, 1) FROM words ORDER BY id;
SELECT id, length(substring(s, pos, len)), octet_length(substring(s, 1, 2)) FROM words ORDER BY id;
SELECT substring(s, 1, 2) AS code, count(*) FROM words WHERE substring(s, 1, 1) IN ('h', 'a', '日') GROUP BY substring(s, 1, 2) ORDER BY code;
SELECT substring(s, 2, 2) FROM words WHERE id > 100;
