-- LIKE: % any run, _ one character, backslash escapes; case-sensitive.
SELECT 'hello' LIKE 'h%', 'hello' LIKE '%l_o', 'hello' LIKE 'H%', 'hello' LIKE 'hello_', 'hello' NOT LIKE '%z%';
SELECT '50%' LIKE '50\\%', '5x' LIKE '5\\_', 'a_b' LIKE 'a\\_b', '' LIKE '%', NULL LIKE 'a';
SELECT 'Hello' ILIKE 'h%', 'abc' LIKE 'a!%c' ESCAPE '!', 'a%c' LIKE 'a!%c' ESCAPE '!';
CREATE OR REPLACE TEMPORARY VIEW w AS SELECT * FROM VALUES ('apple'), ('banana'), ('grape'), ('avocado'), (NULL) AS w(word);
SELECT word FROM w WHERE word LIKE 'a%' ORDER BY word;
SELECT word FROM w WHERE word LIKE '%ap%' OR word LIKE '_a%';
-- Literal runs between %s (matched on bytes), with multi-byte characters.
SELECT c, c LIKE '%special%requests%', c LIKE 'ab%ba', c LIKE '%é%', c LIKE 'caf%', c NOT LIKE '%a%a%'
FROM VALUES ('special requests'), ('requests special'), ('aba'), ('abba'), ('café'), (''), (NULL) AS t(c) ORDER BY c;
