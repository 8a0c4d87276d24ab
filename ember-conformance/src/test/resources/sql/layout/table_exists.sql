-- Creating a table twice.
DROP TABLE IF EXISTS layout_twice;
CREATE TABLE layout_twice (a INT) USING csv LOCATION '${tmp}/twice';
CREATE TABLE layout_twice (a INT) USING csv LOCATION '${tmp}/twice';
