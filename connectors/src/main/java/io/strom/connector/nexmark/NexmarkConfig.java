package io.strom.connector.nexmark;

import java.io.Serializable;

/**
 * What the Nexmark generator makes: the mix of event kinds, the event rate that spaces their
 * timestamps, how hot the hot auctions, bidders and sellers are, the padding sizes, and the seed.
 * Every event is a function of this configuration and its event number alone.
 *
 * @param personProportion persons in every group of {@link #totalProportion()} events
 * @param auctionProportion auctions in every group, after the persons
 * @param bidProportion bids in every group, after the auctions
 * @param eventsPerSecond the overall event rate, which spaces event timestamps
 * @param eventCount events in total, or 0 for endless
 * @param hotAuctionRatio a bid is for a hot auction with probability {@code 1 - 1/ratio}
 * @param hotBidderRatio a bid is by a hot bidder with probability {@code 1 - 1/ratio}
 * @param hotSellerRatio an auction is by a hot seller with probability {@code 1 - 1/ratio}
 * @param personAvgSize the average size in bytes a person is padded to by its extra field
 * @param auctionAvgSize the same for auctions
 * @param bidAvgSize the same for bids
 * @param baseTime the timestamp of event 0, in milliseconds since the epoch
 * @param seed the seed every event's random choices derive from
 */
public record NexmarkConfig(
    int personProportion,
    int auctionProportion,
    int bidProportion,
    long eventsPerSecond,
    long eventCount,
    int hotAuctionRatio,
    int hotBidderRatio,
    int hotSellerRatio,
    int personAvgSize,
    int auctionAvgSize,
    int bidAvgSize,
    long baseTime,
    long seed)
    implements Serializable {

  /** Ids start above zero so that small runs still find matches, as in Nexmark. */
  public static final long FIRST_PERSON_ID = 1000;

  public static final long FIRST_AUCTION_ID = 1000;
  public static final long FIRST_CATEGORY_ID = 10;
  /** Categories are few so that queries filtering on one find rows in small runs. */
  public static final int CATEGORY_COUNT = 5;
  /** People who may still place bids and auctions: the most recent ones. */
  public static final int ACTIVE_PEOPLE = 1000;
  /** Auctions assumed open at any time, which sets how long auctions last. */
  public static final int IN_FLIGHT_AUCTIONS = 100;

  public NexmarkConfig {
    requirePositive(personProportion, "person.proportion");
    requirePositive(auctionProportion, "auction.proportion");
    if (bidProportion < 0) {
      throw new IllegalArgumentException("bid.proportion must not be negative: " + bidProportion);
    }
    requirePositive(eventsPerSecond, "first-event.rate");
    if (eventCount < 0) {
      throw new IllegalArgumentException("events.num must not be negative: " + eventCount);
    }
    requirePositive(hotAuctionRatio, "bid.hot-ratio.auctions");
    requirePositive(hotBidderRatio, "bid.hot-ratio.bidders");
    requirePositive(hotSellerRatio, "auction.hot-ratio.sellers");
  }

  /** The defaults of Nexmark: 1 person, 3 auctions and 46 bids per 50 events, 10,000 a second. */
  public static NexmarkConfig defaults(long eventCount, long baseTime, long seed) {
    return new NexmarkConfig(1, 3, 46, 10_000, eventCount, 2, 4, 4, 200, 500, 100, baseTime, seed);
  }

  private static void requirePositive(long value, String option) {
    if (value <= 0) {
      throw new IllegalArgumentException(option + " must be positive: " + value);
    }
  }

  /** Events per group: persons, then auctions, then bids. */
  public int totalProportion() {
    return personProportion + auctionProportion + bidProportion;
  }

  /** True when the generator ends after {@link #eventCount()} events. */
  public boolean isBounded() {
    return eventCount > 0;
  }

  /**
   * The event time of an event: the base time plus the event's share of the rate, in whole
   * milliseconds. Computed in integers so that timestamps never drift or repeat by rounding.
   */
  public long timestampOf(long eventNumber) {
    long wholeSeconds = eventNumber / eventsPerSecond;
    long rest = eventNumber % eventsPerSecond;
    return baseTime + wholeSeconds * 1000 + rest * 1000 / eventsPerSecond;
  }
}
