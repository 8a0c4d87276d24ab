-- NATURAL JOIN joins on the columns both sides share, as USING would; none shared is a cross join.
CREATE OR REPLACE TEMPORARY VIEW emp AS SELECT * FROM VALUES
  (1, 'Ann', 10), (2, 'Bo', 20), (3, 'Cy', 10), (4, 'Di', NULL), (5, 'Ed', 40)
  AS emp(id, name, dept_id);
CREATE OR REPLACE TEMPORARY VIEW dept AS SELECT * FROM VALUES
  (10, 'Sales'), (20, 'Research'), (30, 'Support'), (NULL, 'Nowhere')
  AS dept(dept_id, dept_name);
SELECT dept_id, name FROM emp NATURAL JOIN dept;
SELECT * FROM emp NATURAL LEFT JOIN dept ORDER BY id;
SELECT * FROM emp NATURAL FULL OUTER JOIN dept ORDER BY id, dept_name;
SELECT count(*) FROM emp NATURAL JOIN (SELECT dept_name AS other FROM dept);
