package io.strom.connector.nexmark;

/**
 * Nexmark's id scheme. Event numbers are cut into groups of {@link NexmarkConfig#totalProportion()}
 * events: the persons come first in a group, then the auctions, then the bids. So the number of
 * persons and auctions created before any event follows from its number, and bids and auctions can
 * name persons and auctions that exist (or are about to: a few ids ahead are allowed, so that
 * some events appear swapped in time, as in Nexmark). Ids here are zero-based; the generated
 * columns add {@link NexmarkConfig#FIRST_PERSON_ID} and {@link NexmarkConfig#FIRST_AUCTION_ID}.
 */
final class NexmarkIds {
  /** Value of {@code event_type} for a person. */
  static final int PERSON = 0;
  /** Value of {@code event_type} for an auction. */
  static final int AUCTION = 1;
  /** Value of {@code event_type} for a bid. */
  static final int BID = 2;

  /** How many ids past the last created person or auction a random choice may reach. */
  static final int ID_LEAD = 10;
  /** Hot ids are the first of each block of this many persons or auctions. */
  static final int HOT_BLOCK = 100;

  private NexmarkIds() {}

  /** The kind of event {@code eventNumber} is: {@link #PERSON}, {@link #AUCTION} or {@link #BID}. */
  static int kindOf(NexmarkConfig config, long eventNumber) {
    long offset = eventNumber % config.totalProportion();
    if (offset < config.personProportion()) {
      return PERSON;
    }
    return offset < config.personProportion() + config.auctionProportion() ? AUCTION : BID;
  }

  /** The id of the latest person at or before this event (the event's own id if it is a person). */
  static long lastPersonId(NexmarkConfig config, long eventNumber) {
    long group = eventNumber / config.totalProportion();
    long offset = Math.min(eventNumber % config.totalProportion(), config.personProportion() - 1);
    return group * config.personProportion() + offset;
  }

  /**
   * The id of the latest auction at or before this event (the event's own id if it is an
   * auction); -1 before the first auction.
   */
  static long lastAuctionId(NexmarkConfig config, long eventNumber) {
    long group = eventNumber / config.totalProportion();
    long offset = eventNumber % config.totalProportion() - config.personProportion();
    if (offset < 0) {
      // A person: the last auction is the previous group's last.
      return group * config.auctionProportion() - 1;
    }
    return group * config.auctionProportion() + Math.min(offset, config.auctionProportion() - 1);
  }

  /**
   * A random person among the most recent {@link NexmarkConfig#ACTIVE_PEOPLE}, or up to {@link
   * #ID_LEAD} ahead of the last one; keeping to recent people keeps activity per person steady
   * however long the stream runs.
   */
  static long randomPersonId(NexmarkConfig config, long eventNumber, EventRandom random) {
    long people = lastPersonId(config, eventNumber) + 1;
    long active = Math.min(people, NexmarkConfig.ACTIVE_PEOPLE);
    return people - active + random.nextLong(active + ID_LEAD);
  }

  /**
   * A random auction among those probably still open (the last {@link
   * NexmarkConfig#IN_FLIGHT_AUCTIONS}), or up to {@link #ID_LEAD} ahead of the last one.
   */
  static long randomAuctionId(NexmarkConfig config, long eventNumber, EventRandom random) {
    long last = lastAuctionId(config, eventNumber);
    long first = Math.max(last - NexmarkConfig.IN_FLIGHT_AUCTIONS, 0);
    return first + random.nextLong(last - first + 1 + ID_LEAD);
  }

  /** The hot seller: the first person of the latest block. */
  static long hotSellerId(NexmarkConfig config, long eventNumber) {
    return lastPersonId(config, eventNumber) / HOT_BLOCK * HOT_BLOCK;
  }

  /** The hot bidder: the second person of the latest block, so it is never the hot seller. */
  static long hotBidderId(NexmarkConfig config, long eventNumber) {
    return hotSellerId(config, eventNumber) + 1;
  }

  /** The hot auction: the first auction of the latest block. */
  static long hotAuctionId(NexmarkConfig config, long eventNumber) {
    return Math.max(lastAuctionId(config, eventNumber), 0) / HOT_BLOCK * HOT_BLOCK;
  }
}
