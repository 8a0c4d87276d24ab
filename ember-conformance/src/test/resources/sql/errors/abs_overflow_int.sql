-- abs of the smallest int overflows under ANSI mode (split from errors/arithmetic_overflow_int.sql: needs abs).
SELECT abs(-2147483648);
