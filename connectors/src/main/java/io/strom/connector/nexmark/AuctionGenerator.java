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

  /** Fills the fields of {@code row} that {@code read} (a {@link NexmarkFields} mask) names. */
  void fill(long eventNumber, long timestamp, EventRandom random, GenericRow row, long read) {
    long seller = random.nextInt(config.hotSellerRatio()) > 0
        ? NexmarkIds.hotSellerId(config, eventNumber)
        : NexmarkIds.randomPersonId(config, eventNumber, random);
    long category = NexmarkConfig.FIRST_CATEGORY_ID + random.nextInt(NexmarkConfig.CATEGORY_COUNT);
    long initialBid = Prices.next(random);
    long reserve = initialBid + Prices.next(random);
    // Unread words are still drawn: the expiry and the padding come after them.
    StringData itemName = NexmarkFields.reads(read, ITEM_NAME)
        ? NexmarkText.wordString(random, 20) : null;
    int itemNameSize = itemName != null
        ? itemName.sizeInBytes() : NexmarkText.wordLength(random, 20);
    StringData description = NexmarkFields.reads(read, DESCRIPTION)
        ? NexmarkText.wordString(random, 100) : null;
    int descriptionSize = description != null
        ? description.sizeInBytes() : NexmarkText.wordLength(random, 100);
    int size = 8 + itemNameSize + descriptionSize + 40;
    long expires = timestamp + length(eventNumber, timestamp, random);
    row.setLong(ID, NexmarkIds.lastAuctionId(config, eventNumber) + NexmarkConfig.FIRST_AUCTION_ID);
    if (itemName != null) {
      row.setString(ITEM_NAME, itemName);
    }
    if (description != null) {
      row.setString(DESCRIPTION, description);
    }
    row.setLong(INITIAL_BID, initialBid);
    row.setLong(RESERVE, reserve);
    if (NexmarkFields.reads(read, DATE_TIME)) {
      row.setTimestamp(DATE_TIME, TimestampData.fromEpochMillis(timestamp));
    }
    if (NexmarkFields.reads(read, EXPIRES)) {
      row.setTimestamp(EXPIRES, TimestampData.fromEpochMillis(expires));
    }
    row.setLong(SELLER, seller + NexmarkConfig.FIRST_PERSON_ID);
    row.setLong(CATEGORY, category);
    // The padding is drawn last, so skipping it changes no other field.
    if (NexmarkFields.reads(read, EXTRA)) {
      row.setString(EXTRA, NexmarkText.extra(random, size, config.auctionAvgSize()));
    }
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
