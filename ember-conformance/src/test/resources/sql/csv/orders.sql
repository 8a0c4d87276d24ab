-- Orders: inferred int, double, date and string columns.
CREATE OR REPLACE TEMPORARY VIEW orders USING csv OPTIONS (path '${data}/orders.csv', header 'true', inferSchema 'true');
SELECT * FROM orders;
SELECT status, count(*), round(sum(amount), 2) FROM orders GROUP BY status;
SELECT order_id, amount FROM orders WHERE order_date >= DATE '2024-03-01' ORDER BY order_id;
SELECT month(order_date) AS m, count(*) FROM orders GROUP BY 1 ORDER BY 1;
SELECT order_id FROM orders WHERE amount IS NULL;
