package io.strom.connector.nexmark;

import io.strom.data.GenericRow;
import io.strom.data.TimestampData;

/** Fills the {@code bid} row of a bid event. */
final class BidGenerator {
  static final int AUCTION = 0;
  static final int BIDDER = 1;
  static final int PRICE = 2;
  static final int CHANNEL = 3;
  static final int URL = 4;
  static final int DATE_TIME = 5;
  static final int EXTRA = 6;
  static final int ARITY = 7;
  /** The fixed-size fields a bid's padding makes up for. */
  private static final int FIXED_SIZE = 32;

  private final NexmarkConfig config;
  private final BidChannels channels;

  BidGenerator(NexmarkConfig config) {
    this.config = config;
    this.channels = new BidChannels(config.seed());
  }

  /** Fills the fields of {@code row} that {@code read} (a {@link NexmarkFields} mask) names. */
  void fill(long eventNumber, long timestamp, EventRandom random, GenericRow row, long read) {
    long auction = random.nextInt(config.hotAuctionRatio()) > 0
        ? NexmarkIds.hotAuctionId(config, eventNumber)
        : NexmarkIds.randomAuctionId(config, eventNumber, random);
    // Nexmark's Flink source adds the first person id twice to bidders; bidders here are real
    // person ids, as in Nexmark's original generator, so joins with persons find them.
    long bidder = random.nextInt(config.hotBidderRatio()) > 0
        ? NexmarkIds.hotBidderId(config, eventNumber)
        : NexmarkIds.randomPersonId(config, eventNumber, random);
    long price = Prices.next(random);
    channels.choose(random);
    row.setLong(AUCTION, auction + NexmarkConfig.FIRST_AUCTION_ID);
    row.setLong(BIDDER, bidder + NexmarkConfig.FIRST_PERSON_ID);
    row.setLong(PRICE, price);
    if (NexmarkFields.reads(read, CHANNEL)) {
      row.setString(CHANNEL, channels.channel());
    }
    if (NexmarkFields.reads(read, URL)) {
      row.setString(URL, channels.url());
    }
    if (NexmarkFields.reads(read, DATE_TIME)) {
      row.setTimestamp(DATE_TIME, TimestampData.fromEpochMillis(timestamp));
    }
    // The padding is drawn last, so skipping it changes no other field.
    if (NexmarkFields.reads(read, EXTRA)) {
      row.setString(EXTRA, NexmarkText.extra(random, FIXED_SIZE, config.bidAvgSize()));
    }
  }
}
