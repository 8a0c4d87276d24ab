CREATE OR REPLACE TEMPORARY VIEW emp AS SELECT * FROM VALUES
  (1, 'Ann', 10), (2, 'Bo', 20), (3, 'Cy', 10), (4, 'Di', NULL), (5, 'Ed', 40)
  AS emp(id, name, dept_id);
CREATE OR REPLACE TEMPORARY VIEW dept AS SELECT * FROM VALUES
  (10, 'Sales'), (20, 'Research'), (30, 'Support'), (NULL, 'Nowhere')
  AS dept(dept_id, dept_name);
-- A table joined with itself, and chains of three joins.
SELECT a.name, b.name FROM emp a JOIN emp b ON a.dept_id = b.dept_id AND a.id < b.id;
SELECT e.name, d.dept_name, m.name AS colleague FROM emp e JOIN dept d ON e.dept_id = d.dept_id JOIN emp m ON m.dept_id = d.dept_id AND m.id <> e.id;
SELECT d.dept_name, count(e.id) FROM dept d LEFT JOIN emp e ON e.dept_id = d.dept_id GROUP BY d.dept_name;
