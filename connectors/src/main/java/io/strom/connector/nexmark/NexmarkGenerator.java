package io.strom.connector.nexmark;

import static java.util.Objects.requireNonNull;

import io.strom.data.GenericRow;

/**
 * Makes the Nexmark event with a given event number as a row of the {@code nexmark} table:
 * {@code event_type} and the {@code person}, {@code auction} and {@code bid} rows, of which only
 * the one of the event's kind is set. Each event depends on the configuration and its number
 * alone, so parallel readers can split the numbers between them in any way.
 *
 * <p>Every call returns new rows, written field by field with typed setters: a source must not
 * change a record after emitting it, since consumers of a source (a DataStream collect, say) may
 * keep it. Not thread-safe; each reader has its own generator.
 */
public final class NexmarkGenerator {
  static final int EVENT_TYPE = 0;
  static final int PERSON = 1;
  static final int AUCTION = 2;
  static final int BID = 3;
  static final int ARITY = 4;

  private final NexmarkConfig config;
  private final NexmarkFields fields;
  private final EventRandom random = new EventRandom();
  private final PersonGenerator persons;
  private final AuctionGenerator auctions;
  private final BidGenerator bids;

  public NexmarkGenerator(NexmarkConfig config) {
    this(config, NexmarkFields.ALL);
  }

  /** A generator that builds only {@code fields} of each event's row; the others are NULL. */
  NexmarkGenerator(NexmarkConfig config, NexmarkFields fields) {
    this.config = requireNonNull(config, "config");
    this.fields = requireNonNull(fields, "fields");
    this.persons = new PersonGenerator(config);
    this.auctions = new AuctionGenerator(config);
    this.bids = new BidGenerator(config);
  }

  public NexmarkConfig config() {
    return config;
  }

  /** The event with this number; the columns of the other two kinds are NULL. */
  public GenericRow generate(long eventNumber) {
    random.reseed(config.seed(), eventNumber);
    long timestamp = config.timestampOf(eventNumber);
    int kind = NexmarkIds.kindOf(config, eventNumber);
    GenericRow event = new GenericRow(ARITY);
    event.setInt(EVENT_TYPE, kind);
    switch (kind) {
      case NexmarkIds.PERSON -> {
        GenericRow person = new GenericRow(PersonGenerator.ARITY);
        persons.fill(eventNumber, timestamp, random, person, fields.person());
        event.setRow(PERSON, person);
      }
      case NexmarkIds.AUCTION -> {
        GenericRow auction = new GenericRow(AuctionGenerator.ARITY);
        auctions.fill(eventNumber, timestamp, random, auction, fields.auction());
        event.setRow(AUCTION, auction);
      }
      default -> {
        GenericRow bid = new GenericRow(BidGenerator.ARITY);
        bids.fill(eventNumber, timestamp, random, bid, fields.bid());
        event.setRow(BID, bid);
      }
    }
    return event;
  }
}
