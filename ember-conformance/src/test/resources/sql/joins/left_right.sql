CREATE OR REPLACE TEMPORARY VIEW emp AS SELECT * FROM VALUES
  (1, 'Ann', 10), (2, 'Bo', 20), (3, 'Cy', 10), (4, 'Di', NULL), (5, 'Ed', 40)
  AS emp(id, name, dept_id);
CREATE OR REPLACE TEMPORARY VIEW dept AS SELECT * FROM VALUES
  (10, 'Sales'), (20, 'Research'), (30, 'Support'), (NULL, 'Nowhere')
  AS dept(dept_id, dept_name);
-- Outer joins pad the unmatched side with NULLs.
SELECT e.id, e.name, d.dept_name FROM emp e LEFT JOIN dept d ON e.dept_id = d.dept_id;
SELECT e.id, d.dept_id, d.dept_name FROM emp e RIGHT JOIN dept d ON e.dept_id = d.dept_id;
SELECT e.id, d.dept_name FROM emp e LEFT OUTER JOIN dept d ON e.dept_id = d.dept_id AND d.dept_name = 'Sales';
SELECT e.id, d.dept_name FROM emp e LEFT JOIN dept d ON e.dept_id = d.dept_id WHERE d.dept_id IS NULL;
