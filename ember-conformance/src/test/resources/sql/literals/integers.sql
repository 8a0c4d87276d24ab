-- Integer literals: int by default, bigint with an L suffix or when too large for int.
SELECT 1, -1, 0, 2147483647, -2147483648;
SELECT 1L, 2147483648, -2147483649, 9223372036854775807L;
SELECT 1 AS a, 1L AS b, 1S AS c, 1Y AS d;
SELECT typeof(1), typeof(1L), typeof(2147483648);
