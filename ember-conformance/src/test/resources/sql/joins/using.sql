CREATE OR REPLACE TEMPORARY VIEW emp AS SELECT * FROM VALUES
  (1, 'Ann', 10), (2, 'Bo', 20), (3, 'Cy', 10), (4, 'Di', NULL), (5, 'Ed', 40)
  AS emp(id, name, dept_id);
CREATE OR REPLACE TEMPORARY VIEW dept AS SELECT * FROM VALUES
  (10, 'Sales'), (20, 'Research'), (30, 'Support'), (NULL, 'Nowhere')
  AS dept(dept_id, dept_name);
-- JOIN USING shows the key once: for outer joins it is the coalesced key.
SELECT * FROM emp JOIN dept USING (dept_id);
SELECT * FROM emp LEFT JOIN dept USING (dept_id);
SELECT * FROM emp RIGHT JOIN dept USING (dept_id);
SELECT * FROM emp FULL JOIN dept USING (dept_id);
