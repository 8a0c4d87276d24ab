-- Rounding an integer past its range, and abs of the smallest integer, are ANSI overflow errors.
SELECT round(2147483647, -1);
SELECT abs(-2147483648);
SELECT abs(-9223372036854775807L - 1L);
SELECT round(2147483647, 0), round(-2147483648, -1), abs(-2147483647);
