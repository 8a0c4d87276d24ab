-- abs and round (HALF_UP), bround (HALF_EVEN), on each numeric type.
SELECT abs(-5), abs(5L), abs(-1.5), abs(-2.5D), abs(NULL);
SELECT round(2.5), round(-2.5), round(3.14159, 2), round(1234.5, -2), round(2.5D), round(-0.5D);
SELECT round(1.005, 2), round(2.675D, 2), round(15, -1), round(14L, -1), round(7);
SELECT bround(2.5), bround(3.5), bround(2.5D), bround(-2.5D);
