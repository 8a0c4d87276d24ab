CREATE OR REPLACE TEMPORARY VIEW emp AS SELECT * FROM VALUES
  (1, 'Ann', 10), (2, 'Bo', 20), (3, 'Cy', 10), (4, 'Di', NULL), (5, 'Ed', 40)
  AS emp(id, name, dept_id);
CREATE OR REPLACE TEMPORARY VIEW dept AS SELECT * FROM VALUES
  (10, 'Sales'), (20, 'Research'), (30, 'Support'), (NULL, 'Nowhere')
  AS dept(dept_id, dept_name);
-- LEFT SEMI keeps left rows that have a match (once); LEFT ANTI those that have none.
SELECT * FROM emp e LEFT SEMI JOIN dept d ON e.dept_id = d.dept_id;
SELECT * FROM emp e LEFT ANTI JOIN dept d ON e.dept_id = d.dept_id;
SELECT * FROM dept d LEFT SEMI JOIN emp e ON e.dept_id = d.dept_id;
SELECT * FROM dept d LEFT ANTI JOIN emp e ON e.dept_id = d.dept_id;
SELECT * FROM emp e SEMI JOIN dept d ON e.dept_id = d.dept_id AND d.dept_name LIKE 'R%';
-- Conditions that only a later row of the key satisfies, or none (NULL supplier), as TPC-H Q21's EXISTS.
CREATE OR REPLACE TEMPORARY VIEW item AS SELECT * FROM VALUES
  (1, 7, 1), (1, 7, 2), (1, 7, 3), (1, 8, 4), (2, 5, 5), (2, 5, 6), (3, NULL, 7), (3, 4, 8), (4, 6, 9),
  (1, 7, 10), (1, 7, 11), (1, 9, 12), (5, 1, 13), (5, 1, 14), (5, 1, 15), (5, 1, 16), (5, 1, 17), (5, 2, 18)
  AS item(k, s, n);
SELECT * FROM item a WHERE EXISTS (SELECT * FROM item b WHERE b.k = a.k AND b.s <> a.s) ORDER BY n;
SELECT * FROM item a WHERE NOT EXISTS (SELECT * FROM item b WHERE b.k = a.k AND b.s <> a.s) ORDER BY n;
SELECT * FROM item a LEFT SEMI JOIN item b ON a.k = b.k AND b.n > a.n + 4 ORDER BY n;
SELECT * FROM item a LEFT ANTI JOIN item b ON a.k = b.k AND b.n > a.n + 4 ORDER BY n;
SELECT * FROM item a WHERE EXISTS (SELECT * FROM item b WHERE b.k = a.k AND b.s > a.s) OR a.n = 5 ORDER BY n;
