CREATE OR REPLACE TEMPORARY VIEW emp AS SELECT * FROM VALUES
  (1, 'Ann', 10), (2, 'Bo', 20), (3, 'Cy', 10), (4, 'Di', NULL), (5, 'Ed', 40)
  AS emp(id, name, dept_id);
CREATE OR REPLACE TEMPORARY VIEW dept AS SELECT * FROM VALUES
  (10, 'Sales'), (20, 'Research'), (30, 'Support'), (NULL, 'Nowhere')
  AS dept(dept_id, dept_name);
-- Inner joins keep matching pairs only; NULL keys never match.
SELECT e.name, d.dept_name FROM emp e JOIN dept d ON e.dept_id = d.dept_id;
SELECT e.name, d.dept_name FROM emp e INNER JOIN dept d ON e.dept_id = d.dept_id WHERE d.dept_name <> 'Sales';
SELECT e.name, d.dept_name FROM emp e, dept d WHERE e.dept_id = d.dept_id;
SELECT * FROM emp e JOIN dept d ON e.dept_id = d.dept_id ORDER BY e.id;
SELECT d.dept_name, count(*) FROM emp e JOIN dept d ON e.dept_id = d.dept_id GROUP BY d.dept_name;
