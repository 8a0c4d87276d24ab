-- NULL keys match nothing with =, and each other with <=>.
CREATE OR REPLACE TEMPORARY VIEW l AS SELECT * FROM VALUES (1, 'l1'), (NULL, 'l2'), (2, 'l3'), (NULL, 'l4') AS l(k, lv);
CREATE OR REPLACE TEMPORARY VIEW r AS SELECT * FROM VALUES (1, 'r1'), (NULL, 'r2'), (3, 'r3') AS r(k, rv);
SELECT lv, rv FROM l JOIN r ON l.k = r.k;
SELECT lv, rv FROM l JOIN r ON l.k <=> r.k;
SELECT lv, rv FROM l LEFT JOIN r ON l.k = r.k;
SELECT lv, rv FROM l FULL JOIN r ON l.k = r.k;
SELECT lv FROM l LEFT ANTI JOIN r ON l.k = r.k;
