-- q6, average selling price by seller: for each winning bid, the mean of the winning bids of the
-- seller's auctions up to and including it, at most 11 (this one and the 10 before it, in time).
-- Nexmark's text filters on `rownum` in the WHERE of the SELECT that defines it, names the inner
-- tables A and B outside their subquery, and declares the sink's seller VARCHAR for a BIGINT
-- column, none of which SQL accepts; this is that text with the filter moved into an enclosing
-- query, the names unqualified and seller BIGINT. Flink refuses it even so: its OVER aggregation
-- reads the winning bids, a Top-1 that updates as higher bids arrive. Strom runs an OVER
-- aggregation over an updating input (see docs/nexmark.md).
CREATE TABLE nexmark_q6 (
    seller BIGINT,
    avg_price BIGINT
) WITH ('connector' = 'blackhole');

INSERT INTO nexmark_q6
SELECT
    Q.seller,
    AVG(Q.price) OVER (
        PARTITION BY Q.seller ORDER BY Q.dateTime ROWS BETWEEN 10 PRECEDING AND CURRENT ROW)
FROM (
    SELECT *
    FROM (
        SELECT *, ROW_NUMBER() OVER (PARTITION BY id, seller ORDER BY price DESC) AS rownum
        FROM (
            SELECT A.id, A.seller, B.price, B.dateTime
            FROM auction AS A, bid AS B
            WHERE A.id = B.auction AND B.dateTime BETWEEN A.dateTime AND A.expires
        )
    )
    WHERE rownum <= 1
) AS Q;
