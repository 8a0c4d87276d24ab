-- replace (all occurrences), instr and locate (1-based, 0 when absent).
SELECT replace('banana', 'a', 'o'), replace('banana', 'an'), replace('banana', 'x', 'y'), replace('aaa', 'aa', 'b');
SELECT instr('hello', 'l'), instr('hello', 'z'), instr('hello', ''), instr(NULL, 'a');
SELECT locate('l', 'hello'), locate('l', 'hello', 4), position('lo' IN 'hello');
SELECT replace(NULL, 'a', 'b'), replace('abc', 'b', NULL);
