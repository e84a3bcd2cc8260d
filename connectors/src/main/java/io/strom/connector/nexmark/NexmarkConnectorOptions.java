package io.strom.connector.nexmark;

import io.strom.configuration.ConfigOption;
import io.strom.configuration.ConfigOptions;
import io.strom.configuration.MemorySize;
import java.util.List;

/**
 * The options of the {@code nexmark} connector. Keys are those of the Nexmark project's Flink
 * source, so its DDL runs unchanged; {@code seed} is Strom's addition.
 */
public final class NexmarkConnectorOptions {
  private NexmarkConnectorOptions() {}

  public static final ConfigOption<Integer> FIRST_EVENT_RATE =
      ConfigOptions.key("first-event.rate")
          .intType()
          .defaultValue(10_000)
          .withDescription("Events per second over all parallel readers; sets how far event"
              + " timestamps advance from one event to the next.");

  public static final ConfigOption<Integer> NEXT_EVENT_RATE =
      ConfigOptions.key("next-event.rate")
          .intType()
          .defaultValue(10_000)
          .withDescription("Accepted for compatibility with Nexmark's DDL; as in Nexmark's own"
              + " generator, the rate stays 'first-event.rate'.");

  public static final ConfigOption<Long> EVENTS_NUM =
      ConfigOptions.key("events.num")
          .longType()
          .defaultValue(0L)
          .withDescription("Events to generate in total; 0 generates endlessly.");

  public static final ConfigOption<Integer> PERSON_PROPORTION =
      ConfigOptions.key("person.proportion").intType().defaultValue(1)
          .withDescription("Persons among every 'total proportion' events.");

  public static final ConfigOption<Integer> AUCTION_PROPORTION =
      ConfigOptions.key("auction.proportion").intType().defaultValue(3)
          .withDescription("Auctions among every 'total proportion' events.");

  public static final ConfigOption<Integer> BID_PROPORTION =
      ConfigOptions.key("bid.proportion").intType().defaultValue(46)
          .withDescription("Bids among every 'total proportion' events.");

  public static final ConfigOption<Integer> HOT_AUCTION_RATIO =
      ConfigOptions.key("bid.hot-ratio.auctions").intType().defaultValue(2)
          .withDescription("A bid goes to a hot auction with probability 1 - 1/ratio.");

  public static final ConfigOption<Integer> HOT_BIDDER_RATIO =
      ConfigOptions.key("bid.hot-ratio.bidders").intType().defaultValue(4)
          .withDescription("A bid comes from a hot bidder with probability 1 - 1/ratio.");

  public static final ConfigOption<Integer> HOT_SELLER_RATIO =
      ConfigOptions.key("auction.hot-ratio.sellers").intType().defaultValue(4)
          .withDescription("An auction comes from a hot seller with probability 1 - 1/ratio.");

  public static final ConfigOption<MemorySize> PERSON_AVG_SIZE =
      ConfigOptions.key("person.avg-size").memoryType().defaultValue(new MemorySize(200))
          .withDescription("Average size of a person; the 'extra' column pads up to it.");

  public static final ConfigOption<MemorySize> AUCTION_AVG_SIZE =
      ConfigOptions.key("auction.avg-size").memoryType().defaultValue(new MemorySize(500))
          .withDescription("Average size of an auction; the 'extra' column pads up to it.");

  public static final ConfigOption<MemorySize> BID_AVG_SIZE =
      ConfigOptions.key("bid.avg-size").memoryType().defaultValue(new MemorySize(100))
          .withDescription("Average size of a bid; the 'extra' column pads up to it.");

  public static final ConfigOption<Long> BASE_TIME =
      ConfigOptions.key("base-time")
          .longType()
          .defaultValue(0L)
          .withDescription("Event time of the first event, in milliseconds since the epoch;"
              + " 0 takes the time the job is planned.");

  public static final ConfigOption<Boolean> MAX_EMIT_SPEED =
      ConfigOptions.key("max-emit-speed")
          .booleanType()
          .defaultValue(true)
          .withDescription("Emit as fast as possible; 'false' paces emission to the event rate,"
              + " so event time keeps up with the wall clock.");

  public static final ConfigOption<Long> SEED =
      ConfigOptions.key("seed")
          .longType()
          .defaultValue(0L)
          .withDescription("Seed of the generator: equal seeds and options give equal events,"
              + " at any parallelism.");

  /** Every option, in the order the docs list them. */
  public static final List<ConfigOption<?>> ALL =
      List.of(FIRST_EVENT_RATE, NEXT_EVENT_RATE, EVENTS_NUM, PERSON_PROPORTION, AUCTION_PROPORTION,
          BID_PROPORTION, HOT_AUCTION_RATIO, HOT_BIDDER_RATIO, HOT_SELLER_RATIO, PERSON_AVG_SIZE,
          AUCTION_AVG_SIZE, BID_AVG_SIZE, BASE_TIME, MAX_EMIT_SPEED, SEED);
}
