-- Joining two CSV views: customers with their orders.
CREATE OR REPLACE TEMPORARY VIEW people USING csv OPTIONS (path '${data}/people.csv', header 'true', inferSchema 'true');
CREATE OR REPLACE TEMPORARY VIEW orders USING csv OPTIONS (path '${data}/orders.csv', header 'true', inferSchema 'true');
SELECT p.name, count(o.order_id) AS n, round(sum(o.amount), 2) AS total FROM people p LEFT JOIN orders o ON o.customer_id = p.id GROUP BY p.name;
SELECT o.order_id FROM orders o LEFT ANTI JOIN people p ON o.customer_id = p.id;
SELECT p.city, count(*) FROM orders o JOIN people p ON o.customer_id = p.id WHERE o.status = 'shipped' GROUP BY p.city;
SELECT name FROM people WHERE id IN (SELECT customer_id FROM orders WHERE amount > 50) ORDER BY name;
