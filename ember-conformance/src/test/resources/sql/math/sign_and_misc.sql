-- sign, signum, negative, positive, e, pi, and arithmetic on doubles that yields NaN or infinity.
SELECT sign(-3), signum(0.0), sign(2.5D), negative(5), positive(-5);
SELECT round(pi(), 6), round(e(), 6), cbrt(27D), 1.0D / 3;
SELECT CAST('NaN' AS DOUBLE) = CAST('NaN' AS DOUBLE), CAST('Infinity' AS DOUBLE) - CAST('Infinity' AS DOUBLE);
