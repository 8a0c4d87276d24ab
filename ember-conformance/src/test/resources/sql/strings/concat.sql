-- concat returns NULL when any input is NULL; concat_ws skips NULLs.
SELECT concat('a', 'b', 'c'), concat('a', NULL, 'c'), concat(), 'x' || 'y';
SELECT concat_ws('-', 'a', 'b', 'c'), concat_ws('-', 'a', NULL, 'c'), concat_ws(', ', 'only');
SELECT concat_ws(NULL, 'a', 'b'), concat_ws('', 'a', 'b'), concat_ws('/', array('x', 'y'), 'z');
SELECT concat('n', 1), concat(1, 2), concat_ws('.', 1, 2.5);
