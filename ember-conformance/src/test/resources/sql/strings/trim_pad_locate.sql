-- btrim and TRIM ... FROM forms, NULL characters, pad edge cases, locate/position/instr edge cases, left/right.
SELECT btrim('xxaxx', 'x'), btrim('  a  '), trim(BOTH FROM '  a  '), trim(LEADING FROM '  a  '), position('l', 'hello'), position('l', 'hello', 4);
SELECT trim('xy' FROM 'xyaxy'), trim(BOTH NULL FROM 'a'), ltrim('a', NULL), rtrim(NULL, 'a'), btrim(NULL), rtrim('xéé', 'é');
SELECT lpad('hi', 5, 'xy'), rpad(NULL, 2), lpad('hi', NULL, 'x'), rpad('héllo', 3, 'é'), lpad('', 2, 'ab'), rpad('a', 4, 'éx');
SELECT left('hello', -1), right('hello', 0), right(NULL, 2), left('abc', NULL), instr('héllo', 'l'), locate('l', 'hello', 0), locate('l', 'hello', NULL);
SELECT locate('', 'abc', 2), locate('c', 'abc', 9), instr('', ''), locate('é', 'aéb'), right('héllo', 3), left('héllo', 2);
