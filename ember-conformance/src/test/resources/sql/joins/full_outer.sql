CREATE OR REPLACE TEMPORARY VIEW emp AS SELECT * FROM VALUES
  (1, 'Ann', 10), (2, 'Bo', 20), (3, 'Cy', 10), (4, 'Di', NULL), (5, 'Ed', 40)
  AS emp(id, name, dept_id);
CREATE OR REPLACE TEMPORARY VIEW dept AS SELECT * FROM VALUES
  (10, 'Sales'), (20, 'Research'), (30, 'Support'), (NULL, 'Nowhere')
  AS dept(dept_id, dept_name);
-- FULL OUTER JOIN keeps unmatched rows of both sides.
SELECT e.id, e.dept_id, d.dept_id, d.dept_name FROM emp e FULL OUTER JOIN dept d ON e.dept_id = d.dept_id;
SELECT coalesce(e.dept_id, d.dept_id) AS k, count(e.id), count(d.dept_name) FROM emp e FULL JOIN dept d ON e.dept_id = d.dept_id GROUP BY 1;
