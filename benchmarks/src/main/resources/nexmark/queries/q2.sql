-- q2, selection: the bids on a sample of auctions, those whose id is a multiple of 123.
CREATE TABLE nexmark_q2 (
    auction BIGINT,
    price BIGINT
) WITH ('connector' = 'blackhole');

INSERT INTO nexmark_q2
SELECT auction, price FROM bid WHERE MOD(auction, 123) = 0;
