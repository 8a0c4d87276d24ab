-- Sample and population variance and standard deviation: doubles, NULL without values and for a sample of one.
CREATE OR REPLACE TEMPORARY VIEW t AS SELECT * FROM VALUES (1, 2), (1, 4), (1, 4), (1, 4), (1, 5), (1, 5), (1, 7), (1, 9), (2, 3), (3, NULL) AS t(g, x);
SELECT g, stddev(x), stddev_samp(x), stddev_pop(x), std(x), variance(x), var_samp(x), var_pop(x) FROM t GROUP BY g;
SELECT stddev(CAST(x AS DOUBLE)), variance(DISTINCT x), stddev_pop(x * 2) FROM t;
SELECT stddev(x), var_pop(x) FROM t WHERE x > 100;
