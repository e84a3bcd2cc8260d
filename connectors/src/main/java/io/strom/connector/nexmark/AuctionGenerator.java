package io.strom.connector.nexmark;

import io.strom.data.GenericRow;
import io.strom.data.StringData;
import io.strom.data.TimestampData;

/** Fills the {@code auction} row of an auction event. */
final class AuctionGenerator {
  static final int ID = 0;
  static final int ITEM_NAME = 1;
  static final int DESCRIPTION = 2;
  static final int INITIAL_BID = 3;
  static final int RESERVE = 4;
  static final int DATE_TIME = 5;
  static final int EXPIRES = 6;
  static final int SELLER = 7;
  static final int CATEGORY = 8;
  static final int EXTRA = 9;
  static final int ARITY = 10;

  private final NexmarkConfig config;
  /** Events until {@link NexmarkConfig#IN_FLIGHT_AUCTIONS} more auctions have started. */
  private final long eventsForInFlightAuctions;

  AuctionGenerator(NexmarkConfig config) {
    this.config = config;
    this.eventsForInFlightAuctions =
        (long) NexmarkConfig.IN_FLIGHT_AUCTIONS * config.totalProportion()
            / config.auctionProportion();
  }

  void fill(long eventNumber, long timestamp, EventRandom random, GenericRow row) {
    long seller = random.nextInt(config.hotSellerRatio()) > 0
        ? NexmarkIds.hotSellerId(config, eventNumber)
        : NexmarkIds.randomPersonId(config, eventNumber, random);
    long category = NexmarkConfig.FIRST_CATEGORY_ID + random.nextInt(NexmarkConfig.CATEGORY_COUNT);
    long initialBid = Prices.next(random);
    long reserve = initialBid + Prices.next(random);
    StringData itemName = NexmarkText.wordString(random, 20);
    StringData description = NexmarkText.wordString(random, 100);
    int size = 8 + itemName.sizeInBytes() + description.sizeInBytes() + 40;
    row.setLong(ID, NexmarkIds.lastAuctionId(config, eventNumber) + NexmarkConfig.FIRST_AUCTION_ID);
    row.setString(ITEM_NAME, itemName);
    row.setString(DESCRIPTION, description);
    row.setLong(INITIAL_BID, initialBid);
    row.setLong(RESERVE, reserve);
    row.setTimestamp(DATE_TIME, TimestampData.fromEpochMillis(timestamp));
    row.setTimestamp(EXPIRES,
        TimestampData.fromEpochMillis(timestamp + length(eventNumber, timestamp, random)));
    row.setLong(SELLER, seller + NexmarkConfig.FIRST_PERSON_ID);
    row.setLong(CATEGORY, category);
    row.setString(EXTRA, NexmarkText.extra(random, size, config.auctionAvgSize()));
  }

  /**
   * How long an auction lasts, in milliseconds: random, averaging the time until {@link
   * NexmarkConfig#IN_FLIGHT_AUCTIONS} more auctions have started, so that about that many are
   * open at any time whatever the event rate.
   */
  long length(long eventNumber, long timestamp, EventRandom random) {
    long horizon = config.timestampOf(eventNumber + eventsForInFlightAuctions) - timestamp;
    return 1 + random.nextLong(Math.max(horizon * 2, 1));
  }
}
