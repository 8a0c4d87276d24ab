package dev.ember.parser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.expr.Expression;
import dev.ember.expr.SubqueryExpression;
import dev.ember.plan.logical.LogicalPlan;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The 22 TPC-H queries as Spark runs them, parsed into unresolved plans. Interval arithmetic on
 * dates ({@code date '1998-12-01' - interval '90' day}) is folded into the date until intervals are
 * supported; everything else is the benchmark's text. Each expected tree is followed by the trees of
 * the query's subqueries, numbered depth first.
 */
class TpchQueriesTest {
    /** Q1. Pricing summary report: aggregate with ORDER BY; the interval is folded into the date. */
    @Test
    void q01() {
        assertParsesTo("""
                select l_returnflag, l_linestatus, sum(l_quantity) as sum_qty, sum(l_extendedprice) as sum_base_price,
                       sum(l_extendedprice * (1 - l_discount)) as sum_disc_price,
                       sum(l_extendedprice * (1 - l_discount) * (1 + l_tax)) as sum_charge,
                       avg(l_quantity) as avg_qty, avg(l_extendedprice) as avg_price, avg(l_discount) as avg_disc,
                       count(*) as count_order
                from lineitem
                where l_shipdate <= date '1998-09-02'
                group by l_returnflag, l_linestatus
                order by l_returnflag, l_linestatus
                """, """
                Sort [l_returnflag ASC NULLS FIRST, l_linestatus ASC NULLS FIRST], true
                +- Aggregate [l_returnflag, l_linestatus], [l_returnflag, l_linestatus, sum(l_quantity) AS sum_qty, sum(l_extendedprice) AS sum_base_price, sum((l_extendedprice * (1 - l_discount))) AS sum_disc_price, sum(((l_extendedprice * (1 - l_discount)) * (1 + l_tax))) AS sum_charge, avg(l_quantity) AS avg_qty, avg(l_extendedprice) AS avg_price, avg(l_discount) AS avg_disc, count(1) AS count_order]
                   +- Filter (l_shipdate <= DATE '1998-09-02')
                      +- 'UnresolvedRelation [lineitem]
                """);
    }

    /** Q2. Minimum cost supplier: correlated scalar subquery, comma joins, LIMIT. */
    @Test
    void q02() {
        assertParsesTo("""
                select s_acctbal, s_name, n_name, p_partkey, p_mfgr, s_address, s_phone, s_comment
                from part, supplier, partsupp, nation, region
                where p_partkey = ps_partkey and s_suppkey = ps_suppkey and p_size = 15 and p_type like '%BRASS'
                  and s_nationkey = n_nationkey and n_regionkey = r_regionkey and r_name = 'EUROPE'
                  and ps_supplycost = (
                    select min(ps_supplycost) from partsupp, supplier, nation, region
                    where p_partkey = ps_partkey and s_suppkey = ps_suppkey and s_nationkey = n_nationkey
                      and n_regionkey = r_regionkey and r_name = 'EUROPE')
                order by s_acctbal desc, n_name, s_name, p_partkey
                limit 100
                """, """
                Limit 100
                +- Sort [s_acctbal DESC NULLS LAST, n_name ASC NULLS FIRST, s_name ASC NULLS FIRST, p_partkey ASC NULLS FIRST], true
                   +- Project [s_acctbal, s_name, n_name, p_partkey, p_mfgr, s_address, s_phone, s_comment]
                      +- Filter ((((((((p_partkey = ps_partkey) AND (s_suppkey = ps_suppkey)) AND (p_size = 15)) AND p_type LIKE %BRASS) AND (s_nationkey = n_nationkey)) AND (n_regionkey = r_regionkey)) AND (r_name = EUROPE)) AND (ps_supplycost = scalarsubquery()))
                         +- Join Inner
                            :- Join Inner
                            :  :- Join Inner
                            :  :  :- Join Inner
                            :  :  :  :- 'UnresolvedRelation [part]
                            :  :  :  +- 'UnresolvedRelation [supplier]
                            :  :  +- 'UnresolvedRelation [partsupp]
                            :  +- 'UnresolvedRelation [nation]
                            +- 'UnresolvedRelation [region]
                == subquery 1 ==
                Project [min(ps_supplycost)]
                +- Filter (((((p_partkey = ps_partkey) AND (s_suppkey = ps_suppkey)) AND (s_nationkey = n_nationkey)) AND (n_regionkey = r_regionkey)) AND (r_name = EUROPE))
                   +- Join Inner
                      :- Join Inner
                      :  :- Join Inner
                      :  :  :- 'UnresolvedRelation [partsupp]
                      :  :  +- 'UnresolvedRelation [supplier]
                      :  +- 'UnresolvedRelation [nation]
                      +- 'UnresolvedRelation [region]
                """);
    }

    /** Q3. Shipping priority: GROUP BY, ORDER BY an aggregate alias, LIMIT. */
    @Test
    void q03() {
        assertParsesTo("""
                select l_orderkey, sum(l_extendedprice * (1 - l_discount)) as revenue, o_orderdate, o_shippriority
                from customer, orders, lineitem
                where c_mktsegment = 'BUILDING' and c_custkey = o_custkey and l_orderkey = o_orderkey
                  and o_orderdate < date '1995-03-15' and l_shipdate > date '1995-03-15'
                group by l_orderkey, o_orderdate, o_shippriority
                order by revenue desc, o_orderdate
                limit 10
                """, """
                Limit 10
                +- Sort [revenue DESC NULLS LAST, o_orderdate ASC NULLS FIRST], true
                   +- Aggregate [l_orderkey, o_orderdate, o_shippriority], [l_orderkey, sum((l_extendedprice * (1 - l_discount))) AS revenue, o_orderdate, o_shippriority]
                      +- Filter (((((c_mktsegment = BUILDING) AND (c_custkey = o_custkey)) AND (l_orderkey = o_orderkey)) AND (o_orderdate < DATE '1995-03-15')) AND (l_shipdate > DATE '1995-03-15'))
                         +- Join Inner
                            :- Join Inner
                            :  :- 'UnresolvedRelation [customer]
                            :  +- 'UnresolvedRelation [orders]
                            +- 'UnresolvedRelation [lineitem]
                """);
    }

    /** Q4. Order priority checking: correlated EXISTS. */
    @Test
    void q04() {
        assertParsesTo("""
                select o_orderpriority, count(*) as order_count
                from orders
                where o_orderdate >= date '1993-07-01' and o_orderdate < date '1993-10-01'
                  and exists (select * from lineitem where l_orderkey = o_orderkey and l_commitdate < l_receiptdate)
                group by o_orderpriority
                order by o_orderpriority
                """, """
                Sort [o_orderpriority ASC NULLS FIRST], true
                +- Aggregate [o_orderpriority], [o_orderpriority, count(1) AS order_count]
                   +- Filter (((o_orderdate >= DATE '1993-07-01') AND (o_orderdate < DATE '1993-10-01')) AND exists())
                      +- 'UnresolvedRelation [orders]
                == subquery 1 ==
                Project [*]
                +- Filter ((l_orderkey = o_orderkey) AND (l_commitdate < l_receiptdate))
                   +- 'UnresolvedRelation [lineitem]
                """);
    }

    /** Q5. Local supplier volume: six-way comma join. */
    @Test
    void q05() {
        assertParsesTo("""
                select n_name, sum(l_extendedprice * (1 - l_discount)) as revenue
                from customer, orders, lineitem, supplier, nation, region
                where c_custkey = o_custkey and l_orderkey = o_orderkey and l_suppkey = s_suppkey
                  and c_nationkey = s_nationkey and s_nationkey = n_nationkey and n_regionkey = r_regionkey
                  and r_name = 'ASIA' and o_orderdate >= date '1994-01-01' and o_orderdate < date '1995-01-01'
                group by n_name
                order by revenue desc
                """, """
                Sort [revenue DESC NULLS LAST], true
                +- Aggregate [n_name], [n_name, sum((l_extendedprice * (1 - l_discount))) AS revenue]
                   +- Filter (((((((((c_custkey = o_custkey) AND (l_orderkey = o_orderkey)) AND (l_suppkey = s_suppkey)) AND (c_nationkey = s_nationkey)) AND (s_nationkey = n_nationkey)) AND (n_regionkey = r_regionkey)) AND (r_name = ASIA)) AND (o_orderdate >= DATE '1994-01-01')) AND (o_orderdate < DATE '1995-01-01'))
                      +- Join Inner
                         :- Join Inner
                         :  :- Join Inner
                         :  :  :- Join Inner
                         :  :  :  :- Join Inner
                         :  :  :  :  :- 'UnresolvedRelation [customer]
                         :  :  :  :  +- 'UnresolvedRelation [orders]
                         :  :  :  +- 'UnresolvedRelation [lineitem]
                         :  :  +- 'UnresolvedRelation [supplier]
                         :  +- 'UnresolvedRelation [nation]
                         +- 'UnresolvedRelation [region]
                """);
    }

    /** Q6. Forecasting revenue change: global aggregate (a Project the analyzer turns into an Aggregate), BETWEEN. */
    @Test
    void q06() {
        assertParsesTo("""
                select sum(l_extendedprice * l_discount) as revenue
                from lineitem
                where l_shipdate >= date '1994-01-01' and l_shipdate < date '1995-01-01'
                  and l_discount between .06 - 0.01 and .06 + 0.01 and l_quantity < 24
                """, """
                Project [sum((l_extendedprice * l_discount)) AS revenue]
                +- Filter ((((l_shipdate >= DATE '1994-01-01') AND (l_shipdate < DATE '1995-01-01')) AND between(l_discount, (0.06 - 0.01), (0.06 + 0.01))) AND (l_quantity < 24))
                   +- 'UnresolvedRelation [lineitem]
                """);
    }

    /** Q7. Volume shipping: FROM subquery, self-join through aliases, EXTRACT. */
    @Test
    void q07() {
        assertParsesTo("""
                select supp_nation, cust_nation, l_year, sum(volume) as revenue
                from (
                  select n1.n_name as supp_nation, n2.n_name as cust_nation, extract(year from l_shipdate) as l_year,
                         l_extendedprice * (1 - l_discount) as volume
                  from supplier, lineitem, orders, customer, nation n1, nation n2
                  where s_suppkey = l_suppkey and o_orderkey = l_orderkey and c_custkey = o_custkey
                    and s_nationkey = n1.n_nationkey and c_nationkey = n2.n_nationkey
                    and ((n1.n_name = 'FRANCE' and n2.n_name = 'GERMANY') or (n1.n_name = 'GERMANY' and n2.n_name = 'FRANCE'))
                    and l_shipdate between date '1995-01-01' and date '1996-12-31'
                ) as shipping
                group by supp_nation, cust_nation, l_year
                order by supp_nation, cust_nation, l_year
                """, """
                Sort [supp_nation ASC NULLS FIRST, cust_nation ASC NULLS FIRST, l_year ASC NULLS FIRST], true
                +- Aggregate [supp_nation, cust_nation, l_year], [supp_nation, cust_nation, l_year, sum(volume) AS revenue]
                   +- SubqueryAlias shipping
                      +- Project [n_name AS supp_nation, n_name AS cust_nation, year(l_shipdate) AS l_year, (l_extendedprice * (1 - l_discount)) AS volume]
                         +- Filter (((((((s_suppkey = l_suppkey) AND (o_orderkey = l_orderkey)) AND (c_custkey = o_custkey)) AND (s_nationkey = n_nationkey)) AND (c_nationkey = n_nationkey)) AND (((n_name = FRANCE) AND (n_name = GERMANY)) OR ((n_name = GERMANY) AND (n_name = FRANCE)))) AND between(l_shipdate, DATE '1995-01-01', DATE '1996-12-31'))
                            +- Join Inner
                               :- Join Inner
                               :  :- Join Inner
                               :  :  :- Join Inner
                               :  :  :  :- Join Inner
                               :  :  :  :  :- 'UnresolvedRelation [supplier]
                               :  :  :  :  +- 'UnresolvedRelation [lineitem]
                               :  :  :  +- 'UnresolvedRelation [orders]
                               :  :  +- 'UnresolvedRelation [customer]
                               :  +- SubqueryAlias n1
                               :     +- 'UnresolvedRelation [nation]
                               +- SubqueryAlias n2
                                  +- 'UnresolvedRelation [nation]
                """);
    }

    /** Q8. National market share: CASE inside an aggregate. */
    @Test
    void q08() {
        assertParsesTo("""
                select o_year, sum(case when nation = 'BRAZIL' then volume else 0 end) / sum(volume) as mkt_share
                from (
                  select extract(year from o_orderdate) as o_year, l_extendedprice * (1 - l_discount) as volume, n2.n_name as nation
                  from part, supplier, lineitem, orders, customer, nation n1, nation n2, region
                  where p_partkey = l_partkey and s_suppkey = l_suppkey and l_orderkey = o_orderkey
                    and o_custkey = c_custkey and c_nationkey = n1.n_nationkey and n1.n_regionkey = r_regionkey
                    and r_name = 'AMERICA' and s_nationkey = n2.n_nationkey
                    and o_orderdate between date '1995-01-01' and date '1996-12-31' and p_type = 'ECONOMY ANODIZED STEEL'
                ) as all_nations
                group by o_year
                order by o_year
                """, """
                Sort [o_year ASC NULLS FIRST], true
                +- Aggregate [o_year], [o_year, (sum(CASE WHEN (nation = BRAZIL) THEN volume ELSE 0 END) / sum(volume)) AS mkt_share]
                   +- SubqueryAlias all_nations
                      +- Project [year(o_orderdate) AS o_year, (l_extendedprice * (1 - l_discount)) AS volume, n_name AS nation]
                         +- Filter ((((((((((p_partkey = l_partkey) AND (s_suppkey = l_suppkey)) AND (l_orderkey = o_orderkey)) AND (o_custkey = c_custkey)) AND (c_nationkey = n_nationkey)) AND (n_regionkey = r_regionkey)) AND (r_name = AMERICA)) AND (s_nationkey = n_nationkey)) AND between(o_orderdate, DATE '1995-01-01', DATE '1996-12-31')) AND (p_type = ECONOMY ANODIZED STEEL))
                            +- Join Inner
                               :- Join Inner
                               :  :- Join Inner
                               :  :  :- Join Inner
                               :  :  :  :- Join Inner
                               :  :  :  :  :- Join Inner
                               :  :  :  :  :  :- Join Inner
                               :  :  :  :  :  :  :- 'UnresolvedRelation [part]
                               :  :  :  :  :  :  +- 'UnresolvedRelation [supplier]
                               :  :  :  :  :  +- 'UnresolvedRelation [lineitem]
                               :  :  :  :  +- 'UnresolvedRelation [orders]
                               :  :  :  +- 'UnresolvedRelation [customer]
                               :  :  +- SubqueryAlias n1
                               :  :     +- 'UnresolvedRelation [nation]
                               :  +- SubqueryAlias n2
                               :     +- 'UnresolvedRelation [nation]
                               +- 'UnresolvedRelation [region]
                """);
    }

    /** Q9. Product type profit: LIKE, arithmetic over columns of four tables. */
    @Test
    void q09() {
        assertParsesTo("""
                select nation, o_year, sum(amount) as sum_profit
                from (
                  select n_name as nation, extract(year from o_orderdate) as o_year,
                         l_extendedprice * (1 - l_discount) - ps_supplycost * l_quantity as amount
                  from part, supplier, lineitem, partsupp, orders, nation
                  where s_suppkey = l_suppkey and ps_suppkey = l_suppkey and ps_partkey = l_partkey
                    and p_partkey = l_partkey and o_orderkey = l_orderkey and s_nationkey = n_nationkey
                    and p_name like '%green%'
                ) as profit
                group by nation, o_year
                order by nation, o_year desc
                """, """
                Sort [nation ASC NULLS FIRST, o_year DESC NULLS LAST], true
                +- Aggregate [nation, o_year], [nation, o_year, sum(amount) AS sum_profit]
                   +- SubqueryAlias profit
                      +- Project [n_name AS nation, year(o_orderdate) AS o_year, ((l_extendedprice * (1 - l_discount)) - (ps_supplycost * l_quantity)) AS amount]
                         +- Filter (((((((s_suppkey = l_suppkey) AND (ps_suppkey = l_suppkey)) AND (ps_partkey = l_partkey)) AND (p_partkey = l_partkey)) AND (o_orderkey = l_orderkey)) AND (s_nationkey = n_nationkey)) AND p_name LIKE %green%)
                            +- Join Inner
                               :- Join Inner
                               :  :- Join Inner
                               :  :  :- Join Inner
                               :  :  :  :- Join Inner
                               :  :  :  :  :- 'UnresolvedRelation [part]
                               :  :  :  :  +- 'UnresolvedRelation [supplier]
                               :  :  :  +- 'UnresolvedRelation [lineitem]
                               :  :  +- 'UnresolvedRelation [partsupp]
                               :  +- 'UnresolvedRelation [orders]
                               +- 'UnresolvedRelation [nation]
                """);
    }

    /** Q10. Returned item reporting: wide GROUP BY. */
    @Test
    void q10() {
        assertParsesTo("""
                select c_custkey, c_name, sum(l_extendedprice * (1 - l_discount)) as revenue, c_acctbal, n_name,
                       c_address, c_phone, c_comment
                from customer, orders, lineitem, nation
                where c_custkey = o_custkey and l_orderkey = o_orderkey
                  and o_orderdate >= date '1993-10-01' and o_orderdate < date '1994-01-01'
                  and l_returnflag = 'R' and c_nationkey = n_nationkey
                group by c_custkey, c_name, c_acctbal, c_phone, n_name, c_address, c_comment
                order by revenue desc
                limit 20
                """, """
                Limit 20
                +- Sort [revenue DESC NULLS LAST], true
                   +- Aggregate [c_custkey, c_name, c_acctbal, c_phone, n_name, c_address, c_comment], [c_custkey, c_name, sum((l_extendedprice * (1 - l_discount))) AS revenue, c_acctbal, n_name, c_address, c_phone, c_comment]
                      +- Filter ((((((c_custkey = o_custkey) AND (l_orderkey = o_orderkey)) AND (o_orderdate >= DATE '1993-10-01')) AND (o_orderdate < DATE '1994-01-01')) AND (l_returnflag = R)) AND (c_nationkey = n_nationkey))
                         +- Join Inner
                            :- Join Inner
                            :  :- Join Inner
                            :  :  :- 'UnresolvedRelation [customer]
                            :  :  +- 'UnresolvedRelation [orders]
                            :  +- 'UnresolvedRelation [lineitem]
                            +- 'UnresolvedRelation [nation]
                """);
    }

    /** Q11. Important stock identification: HAVING with an uncorrelated scalar subquery. */
    @Test
    void q11() {
        assertParsesTo("""
                select ps_partkey, sum(ps_supplycost * ps_availqty) as value
                from partsupp, supplier, nation
                where ps_suppkey = s_suppkey and s_nationkey = n_nationkey and n_name = 'GERMANY'
                group by ps_partkey having
                  sum(ps_supplycost * ps_availqty) > (
                    select sum(ps_supplycost * ps_availqty) * 0.0001000000
                    from partsupp, supplier, nation
                    where ps_suppkey = s_suppkey and s_nationkey = n_nationkey and n_name = 'GERMANY')
                order by value desc
                """, """
                Sort [value DESC NULLS LAST], true
                +- Filter (sum((ps_supplycost * ps_availqty)) > scalarsubquery())
                   +- Aggregate [ps_partkey], [ps_partkey, sum((ps_supplycost * ps_availqty)) AS value]
                      +- Filter (((ps_suppkey = s_suppkey) AND (s_nationkey = n_nationkey)) AND (n_name = GERMANY))
                         +- Join Inner
                            :- Join Inner
                            :  :- 'UnresolvedRelation [partsupp]
                            :  +- 'UnresolvedRelation [supplier]
                            +- 'UnresolvedRelation [nation]
                == subquery 1 ==
                Project [(sum((ps_supplycost * ps_availqty)) * 0.0001000000)]
                +- Filter (((ps_suppkey = s_suppkey) AND (s_nationkey = n_nationkey)) AND (n_name = GERMANY))
                   +- Join Inner
                      :- Join Inner
                      :  :- 'UnresolvedRelation [partsupp]
                      :  +- 'UnresolvedRelation [supplier]
                      +- 'UnresolvedRelation [nation]
                """);
    }

    /** Q12. Shipping modes and order priority: IN list, CASE sums. */
    @Test
    void q12() {
        assertParsesTo("""
                select l_shipmode,
                       sum(case when o_orderpriority = '1-URGENT' or o_orderpriority = '2-HIGH' then 1 else 0 end) as high_line_count,
                       sum(case when o_orderpriority <> '1-URGENT' and o_orderpriority <> '2-HIGH' then 1 else 0 end) as low_line_count
                from orders, lineitem
                where o_orderkey = l_orderkey and l_shipmode in ('MAIL', 'SHIP') and l_commitdate < l_receiptdate
                  and l_shipdate < l_commitdate and l_receiptdate >= date '1994-01-01' and l_receiptdate < date '1995-01-01'
                group by l_shipmode
                order by l_shipmode
                """, """
                Sort [l_shipmode ASC NULLS FIRST], true
                +- Aggregate [l_shipmode], [l_shipmode, sum(CASE WHEN ((o_orderpriority = 1-URGENT) OR (o_orderpriority = 2-HIGH)) THEN 1 ELSE 0 END) AS high_line_count, sum(CASE WHEN ((NOT (o_orderpriority = 1-URGENT)) AND (NOT (o_orderpriority = 2-HIGH))) THEN 1 ELSE 0 END) AS low_line_count]
                   +- Filter ((((((o_orderkey = l_orderkey) AND (l_shipmode IN (MAIL, SHIP))) AND (l_commitdate < l_receiptdate)) AND (l_shipdate < l_commitdate)) AND (l_receiptdate >= DATE '1994-01-01')) AND (l_receiptdate < DATE '1995-01-01'))
                      +- Join Inner
                         :- 'UnresolvedRelation [orders]
                         +- 'UnresolvedRelation [lineitem]
                """);
    }

    /** Q13. Customer distribution: LEFT OUTER JOIN with NOT LIKE, subquery column aliases c_orders (c_custkey, c_count). */
    @Test
    void q13() {
        assertParsesTo("""
                select c_count, count(*) as custdist
                from (
                  select c_custkey, count(o_orderkey)
                  from customer left outer join orders on c_custkey = o_custkey and o_comment not like '%special%requests%'
                  group by c_custkey
                ) as c_orders (c_custkey, c_count)
                group by c_count
                order by custdist desc, c_count desc
                """, """
                Sort [custdist DESC NULLS LAST, c_count DESC NULLS LAST], true
                +- Aggregate [c_count], [c_count, count(1) AS custdist]
                   +- SubqueryAlias c_orders
                      +- Aggregate [c_custkey], [c_custkey AS c_custkey, count(o_orderkey) AS c_count]
                         +- Join LeftOuter, ((c_custkey = o_custkey) AND (NOT o_comment LIKE %special%requests%))
                            :- 'UnresolvedRelation [customer]
                            +- 'UnresolvedRelation [orders]
                """);
    }

    /** Q14. Promotion effect: decimal literal times a CASE aggregate. */
    @Test
    void q14() {
        assertParsesTo("""
                select 100.00 * sum(case when p_type like 'PROMO%' then l_extendedprice * (1 - l_discount) else 0 end)
                       / sum(l_extendedprice * (1 - l_discount)) as promo_revenue
                from lineitem, part
                where l_partkey = p_partkey and l_shipdate >= date '1995-09-01' and l_shipdate < date '1995-10-01'
                """, """
                Project [((100.00 * sum(CASE WHEN p_type LIKE PROMO% THEN (l_extendedprice * (1 - l_discount)) ELSE 0 END)) / sum((l_extendedprice * (1 - l_discount)))) AS promo_revenue]
                +- Filter (((l_partkey = p_partkey) AND (l_shipdate >= DATE '1995-09-01')) AND (l_shipdate < DATE '1995-10-01'))
                   +- Join Inner
                      :- 'UnresolvedRelation [lineitem]
                      +- 'UnresolvedRelation [part]
                """);
    }

    /** Q15. Top supplier: the view written as a WITH clause, scalar subquery over it. */
    @Test
    void q15() {
        assertParsesTo("""
                with revenue0 as (
                  select l_suppkey as supplier_no, sum(l_extendedprice * (1 - l_discount)) as total_revenue
                  from lineitem
                  where l_shipdate >= date '1996-01-01' and l_shipdate < date '1996-04-01'
                  group by l_suppkey)
                select s_suppkey, s_name, s_address, s_phone, total_revenue
                from supplier, revenue0
                where s_suppkey = supplier_no and total_revenue = (select max(total_revenue) from revenue0)
                order by s_suppkey
                """, """
                WithCte [revenue0]
                :- Aggregate [l_suppkey], [l_suppkey AS supplier_no, sum((l_extendedprice * (1 - l_discount))) AS total_revenue]
                :  +- Filter ((l_shipdate >= DATE '1996-01-01') AND (l_shipdate < DATE '1996-04-01'))
                :     +- 'UnresolvedRelation [lineitem]
                +- Sort [s_suppkey ASC NULLS FIRST], true
                   +- Project [s_suppkey, s_name, s_address, s_phone, total_revenue]
                      +- Filter ((s_suppkey = supplier_no) AND (total_revenue = scalarsubquery()))
                         +- Join Inner
                            :- 'UnresolvedRelation [supplier]
                            +- 'UnresolvedRelation [revenue0]
                == subquery 1 ==
                Project [max(total_revenue)]
                +- 'UnresolvedRelation [revenue0]
                """);
    }

    /** Q16. Parts/supplier relationship: COUNT(DISTINCT), NOT IN subquery. */
    @Test
    void q16() {
        assertParsesTo("""
                select p_brand, p_type, p_size, count(distinct ps_suppkey) as supplier_cnt
                from partsupp, part
                where p_partkey = ps_partkey and p_brand <> 'Brand#45' and p_type not like 'MEDIUM POLISHED%'
                  and p_size in (49, 14, 23, 45, 19, 3, 36, 9)
                  and ps_suppkey not in (select s_suppkey from supplier where s_comment like '%Customer%Complaints%')
                group by p_brand, p_type, p_size
                order by supplier_cnt desc, p_brand, p_type, p_size
                """, """
                Sort [supplier_cnt DESC NULLS LAST, p_brand ASC NULLS FIRST, p_type ASC NULLS FIRST, p_size ASC NULLS FIRST], true
                +- Aggregate [p_brand, p_type, p_size], [p_brand, p_type, p_size, count(DISTINCT ps_suppkey) AS supplier_cnt]
                   +- Filter (((((p_partkey = ps_partkey) AND (NOT (p_brand = Brand#45))) AND (NOT p_type LIKE MEDIUM POLISHED%)) AND (p_size IN (49, 14, 23, 45, 19, 3, 36, 9))) AND (NOT (ps_suppkey IN (listquery()))))
                      +- Join Inner
                         :- 'UnresolvedRelation [partsupp]
                         +- 'UnresolvedRelation [part]
                == subquery 1 ==
                Project [s_suppkey]
                +- Filter s_comment LIKE %Customer%Complaints%
                   +- 'UnresolvedRelation [supplier]
                """);
    }

    /** Q17. Small-quantity-order revenue: correlated scalar subquery. */
    @Test
    void q17() {
        assertParsesTo("""
                select sum(l_extendedprice) / 7.0 as avg_yearly
                from lineitem, part
                where p_partkey = l_partkey and p_brand = 'Brand#23' and p_container = 'MED BOX'
                  and l_quantity < (select 0.2 * avg(l_quantity) from lineitem where l_partkey = p_partkey)
                """, """
                Project [(sum(l_extendedprice) / 7.0) AS avg_yearly]
                +- Filter ((((p_partkey = l_partkey) AND (p_brand = Brand#23)) AND (p_container = MED BOX)) AND (l_quantity < scalarsubquery()))
                   +- Join Inner
                      :- 'UnresolvedRelation [lineitem]
                      +- 'UnresolvedRelation [part]
                == subquery 1 ==
                Project [(0.2 * avg(l_quantity))]
                +- Filter (l_partkey = p_partkey)
                   +- 'UnresolvedRelation [lineitem]
                """);
    }

    /** Q18. Large volume customer: IN subquery with GROUP BY and HAVING. */
    @Test
    void q18() {
        assertParsesTo("""
                select c_name, c_custkey, o_orderkey, o_orderdate, o_totalprice, sum(l_quantity)
                from customer, orders, lineitem
                where o_orderkey in (select l_orderkey from lineitem group by l_orderkey having sum(l_quantity) > 300)
                  and c_custkey = o_custkey and o_orderkey = l_orderkey
                group by c_name, c_custkey, o_orderkey, o_orderdate, o_totalprice
                order by o_totalprice desc, o_orderdate
                limit 100
                """, """
                Limit 100
                +- Sort [o_totalprice DESC NULLS LAST, o_orderdate ASC NULLS FIRST], true
                   +- Aggregate [c_name, c_custkey, o_orderkey, o_orderdate, o_totalprice], [c_name, c_custkey, o_orderkey, o_orderdate, o_totalprice, sum(l_quantity)]
                      +- Filter (((o_orderkey IN (listquery())) AND (c_custkey = o_custkey)) AND (o_orderkey = l_orderkey))
                         +- Join Inner
                            :- Join Inner
                            :  :- 'UnresolvedRelation [customer]
                            :  +- 'UnresolvedRelation [orders]
                            +- 'UnresolvedRelation [lineitem]
                == subquery 1 ==
                Filter (sum(l_quantity) > 300)
                +- Aggregate [l_orderkey], [l_orderkey]
                   +- 'UnresolvedRelation [lineitem]
                """);
    }

    /** Q19. Discounted revenue: OR of ANDs with IN lists and BETWEEN. */
    @Test
    void q19() {
        assertParsesTo("""
                select sum(l_extendedprice * (1 - l_discount)) as revenue
                from lineitem, part
                where (p_partkey = l_partkey and p_brand = 'Brand#12'
                       and p_container in ('SM CASE', 'SM BOX', 'SM PACK', 'SM PKG')
                       and l_quantity >= 1 and l_quantity <= 1 + 10 and p_size between 1 and 5
                       and l_shipmode in ('AIR', 'AIR REG') and l_shipinstruct = 'DELIVER IN PERSON')
                   or (p_partkey = l_partkey and p_brand = 'Brand#23'
                       and p_container in ('MED BAG', 'MED BOX', 'MED PKG', 'MED PACK')
                       and l_quantity >= 10 and l_quantity <= 10 + 10 and p_size between 1 and 10
                       and l_shipmode in ('AIR', 'AIR REG') and l_shipinstruct = 'DELIVER IN PERSON')
                   or (p_partkey = l_partkey and p_brand = 'Brand#34'
                       and p_container in ('LG CASE', 'LG BOX', 'LG PACK', 'LG PKG')
                       and l_quantity >= 20 and l_quantity <= 20 + 10 and p_size between 1 and 15
                       and l_shipmode in ('AIR', 'AIR REG') and l_shipinstruct = 'DELIVER IN PERSON')
                """, """
                Project [sum((l_extendedprice * (1 - l_discount))) AS revenue]
                +- Filter ((((((((((p_partkey = l_partkey) AND (p_brand = Brand#12)) AND (p_container IN (SM CASE, SM BOX, SM PACK, SM PKG))) AND (l_quantity >= 1)) AND (l_quantity <= (1 + 10))) AND between(p_size, 1, 5)) AND (l_shipmode IN (AIR, AIR REG))) AND (l_shipinstruct = DELIVER IN PERSON)) OR ((((((((p_partkey = l_partkey) AND (p_brand = Brand#23)) AND (p_container IN (MED BAG, MED BOX, MED PKG, MED PACK))) AND (l_quantity >= 10)) AND (l_quantity <= (10 + 10))) AND between(p_size, 1, 10)) AND (l_shipmode IN (AIR, AIR REG))) AND (l_shipinstruct = DELIVER IN PERSON))) OR ((((((((p_partkey = l_partkey) AND (p_brand = Brand#34)) AND (p_container IN (LG CASE, LG BOX, LG PACK, LG PKG))) AND (l_quantity >= 20)) AND (l_quantity <= (20 + 10))) AND between(p_size, 1, 15)) AND (l_shipmode IN (AIR, AIR REG))) AND (l_shipinstruct = DELIVER IN PERSON)))
                   +- Join Inner
                      :- 'UnresolvedRelation [lineitem]
                      +- 'UnresolvedRelation [part]
                """);
    }

    /** Q20. Potential part promotion: nested IN subqueries and a correlated scalar subquery. */
    @Test
    void q20() {
        assertParsesTo("""
                select s_name, s_address
                from supplier, nation
                where s_suppkey in (
                    select ps_suppkey from partsupp
                    where ps_partkey in (select p_partkey from part where p_name like 'forest%')
                      and ps_availqty > (
                        select 0.5 * sum(l_quantity) from lineitem
                        where l_partkey = ps_partkey and l_suppkey = ps_suppkey
                          and l_shipdate >= date '1994-01-01' and l_shipdate < date '1995-01-01'))
                  and s_nationkey = n_nationkey and n_name = 'CANADA'
                order by s_name
                """, """
                Sort [s_name ASC NULLS FIRST], true
                +- Project [s_name, s_address]
                   +- Filter (((s_suppkey IN (listquery())) AND (s_nationkey = n_nationkey)) AND (n_name = CANADA))
                      +- Join Inner
                         :- 'UnresolvedRelation [supplier]
                         +- 'UnresolvedRelation [nation]
                == subquery 1 ==
                Project [ps_suppkey]
                +- Filter ((ps_partkey IN (listquery())) AND (ps_availqty > scalarsubquery()))
                   +- 'UnresolvedRelation [partsupp]
                == subquery 2 ==
                Project [p_partkey]
                +- Filter p_name LIKE forest%
                   +- 'UnresolvedRelation [part]
                == subquery 3 ==
                Project [(0.5 * sum(l_quantity))]
                +- Filter ((((l_partkey = ps_partkey) AND (l_suppkey = ps_suppkey)) AND (l_shipdate >= DATE '1994-01-01')) AND (l_shipdate < DATE '1995-01-01'))
                   +- 'UnresolvedRelation [lineitem]
                """);
    }

    /** Q21. Suppliers who kept orders waiting: EXISTS and NOT EXISTS on aliased self-joins. */
    @Test
    void q21() {
        assertParsesTo("""
                select s_name, count(*) as numwait
                from supplier, lineitem l1, orders, nation
                where s_suppkey = l1.l_suppkey and o_orderkey = l1.l_orderkey and o_orderstatus = 'F'
                  and l1.l_receiptdate > l1.l_commitdate
                  and exists (select * from lineitem l2 where l2.l_orderkey = l1.l_orderkey and l2.l_suppkey <> l1.l_suppkey)
                  and not exists (
                    select * from lineitem l3
                    where l3.l_orderkey = l1.l_orderkey and l3.l_suppkey <> l1.l_suppkey and l3.l_receiptdate > l3.l_commitdate)
                  and s_nationkey = n_nationkey and n_name = 'SAUDI ARABIA'
                group by s_name
                order by numwait desc, s_name
                limit 100
                """, """
                Limit 100
                +- Sort [numwait DESC NULLS LAST, s_name ASC NULLS FIRST], true
                   +- Aggregate [s_name], [s_name, count(1) AS numwait]
                      +- Filter ((((((((s_suppkey = l_suppkey) AND (o_orderkey = l_orderkey)) AND (o_orderstatus = F)) AND (l_receiptdate > l_commitdate)) AND exists()) AND (NOT exists())) AND (s_nationkey = n_nationkey)) AND (n_name = SAUDI ARABIA))
                         +- Join Inner
                            :- Join Inner
                            :  :- Join Inner
                            :  :  :- 'UnresolvedRelation [supplier]
                            :  :  +- SubqueryAlias l1
                            :  :     +- 'UnresolvedRelation [lineitem]
                            :  +- 'UnresolvedRelation [orders]
                            +- 'UnresolvedRelation [nation]
                == subquery 1 ==
                Project [*]
                +- Filter ((l_orderkey = l_orderkey) AND (NOT (l_suppkey = l_suppkey)))
                   +- SubqueryAlias l2
                      +- 'UnresolvedRelation [lineitem]
                == subquery 2 ==
                Project [*]
                +- Filter (((l_orderkey = l_orderkey) AND (NOT (l_suppkey = l_suppkey))) AND (l_receiptdate > l_commitdate))
                   +- SubqueryAlias l3
                      +- 'UnresolvedRelation [lineitem]
                """);
    }

    /** Q22. Global sales opportunity: SUBSTRING ... FROM ... FOR, NOT EXISTS, scalar subquery. */
    @Test
    void q22() {
        assertParsesTo("""
                select cntrycode, count(*) as numcust, sum(c_acctbal) as totacctbal
                from (
                  select substring(c_phone from 1 for 2) as cntrycode, c_acctbal
                  from customer
                  where substring(c_phone from 1 for 2) in ('13', '31', '23', '29', '30', '18', '17')
                    and c_acctbal > (
                      select avg(c_acctbal) from customer
                      where c_acctbal > 0.00 and substring(c_phone from 1 for 2) in ('13', '31', '23', '29', '30', '18', '17'))
                    and not exists (select * from orders where o_custkey = c_custkey)
                ) as custsale
                group by cntrycode
                order by cntrycode
                """, """
                Sort [cntrycode ASC NULLS FIRST], true
                +- Aggregate [cntrycode], [cntrycode, count(1) AS numcust, sum(c_acctbal) AS totacctbal]
                   +- SubqueryAlias custsale
                      +- Project [substring(c_phone, 1, 2) AS cntrycode, c_acctbal]
                         +- Filter (((substring(c_phone, 1, 2) IN (13, 31, 23, 29, 30, 18, 17)) AND (c_acctbal > scalarsubquery())) AND (NOT exists()))
                            +- 'UnresolvedRelation [customer]
                == subquery 1 ==
                Project [avg(c_acctbal)]
                +- Filter ((c_acctbal > 0.00) AND (substring(c_phone, 1, 2) IN (13, 31, 23, 29, 30, 18, 17)))
                   +- 'UnresolvedRelation [customer]
                == subquery 2 ==
                Project [*]
                +- Filter (o_custkey = c_custkey)
                   +- 'UnresolvedRelation [orders]
                """);
    }

    private static void assertParsesTo(String sql, String expected) {
        assertThat(render(SqlParser.parseStatement(sql))).isEqualTo(expected);
    }

    /** The plan's tree, then the tree of every subquery expression in it, numbered depth first. */
    static String render(LogicalPlan plan) {
        StringBuilder out = new StringBuilder(plan.treeString());
        List<LogicalPlan> subqueries = new ArrayList<>();
        collectSubqueries(plan, subqueries);
        for (int i = 0; i < subqueries.size(); i++) {
            out.append("== subquery ").append(i + 1).append(" ==\n").append(subqueries.get(i).treeString());
        }
        return out.toString();
    }

    private static void collectSubqueries(LogicalPlan plan, List<LogicalPlan> found) {
        plan.transformDown(node -> {
            for (Expression expression : node.expressions()) {
                for (SubqueryExpression subquery : expression.collect(SubqueryExpression.class)) {
                    found.add(subquery.plan());
                    collectSubqueries(subquery.plan(), found);
                }
            }
            return node;
        });
    }
}
