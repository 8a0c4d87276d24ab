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
