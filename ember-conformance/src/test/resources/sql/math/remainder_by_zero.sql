-- %, mod and pmod by zero are errors under ANSI (REMAINDER_BY_ZERO, not DIVIDE_BY_ZERO).
SELECT 7 % 0;
SELECT mod(7, 0);
SELECT pmod(-7, 0);
SELECT 7.5 % 0;
SELECT 7.5D % 0;
SELECT id % (id - 1) FROM range(3);
