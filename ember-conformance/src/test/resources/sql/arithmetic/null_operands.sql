-- Arithmetic with NULL operands: the type comes from the other side, or double when both are NULL.
SELECT NULL + NULL, 1 + NULL, NULL / 2, 5 % NULL, 1.5 + NULL, NULL div 2, NULL * 2L, pmod(NULL, 3);
SELECT typeof(NULL + NULL), typeof(1 + NULL), typeof(NULL / 2), typeof(5 % NULL), typeof(1.5 + NULL), typeof(NULL div 2), typeof(NULL * 2L), typeof(- NULL);
