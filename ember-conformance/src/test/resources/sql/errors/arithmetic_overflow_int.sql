-- int arithmetic that leaves the int range fails under ANSI mode.
SELECT 2147483647 + 1;
SELECT -2147483648 - 1;
SELECT 65536 * 65536;
SELECT -(-2147483648);
SELECT sum(x) FROM VALUES (2147483647), (1) AS t(x);
SELECT 2147483647 + 1L;
