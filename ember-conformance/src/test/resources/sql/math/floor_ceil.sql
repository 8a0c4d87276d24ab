-- floor and ceil: bigint for doubles, decimal with scale 0 for decimals.
SELECT floor(1.5), floor(-1.5), ceil(1.2), ceil(-1.2), ceiling(2.0);
SELECT floor(1.5D), floor(-1.5D), ceil(1.2D), ceil(-1.2D), floor(5), ceil(5L);
SELECT floor(NULL), ceil(CAST(NULL AS DOUBLE)), floor(3.14159, 2), ceil(3.14159, 2);
