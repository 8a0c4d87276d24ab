-- One-argument log, degrees and radians, mod and pmod, trigonometry, and NULL inputs.
SELECT log(100), log(E(), 1), degrees(3.14159D), radians(180), mod(7, 3), pmod(-7, 3), pmod(7.5, -2), 7 % 3, pmod(-7L, 2), mod(-7.5D, 2);
SELECT cot(1), sin(0), cos(0), tan(0), asin(2), acos(1), atan(1), atan2(1, 1), sinh(0), cosh(0), tanh(0), hypot(3, 4), expm1(0), log1p(0), rint(2.5);
SELECT exp(NULL), ln(NULL), log(NULL, 1), pow(2, NULL), cbrt(-8), log10(0), log2(-1), sqrt(CAST(NULL AS INT)), pi(), e();
SELECT abs('-3'), sqrt('4'), negative(-2.5), positive(2L), sign(NULL), signum(-2L), log1p(-1), pmod(-7.5D, 2);
CREATE OR REPLACE TEMPORARY VIEW n AS SELECT * FROM VALUES (1, -2.5D), (NULL, NULL), (-7, 100D), (9, 0D) AS n(i, d);
SELECT i, d, abs(i), abs(d), sqrt(abs(d)), ln(d), pmod(i, 4), mod(i, 4), sign(d), pow(d, 2), greatest(i, d), least(i, d) FROM n;
