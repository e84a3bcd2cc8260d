package io.strom.planner.nexmark;

import io.strom.connector.nexmark.NexmarkConfig;
import io.strom.connector.nexmark.NexmarkGenerator;
import io.strom.data.GenericRow;
import io.strom.data.Row;
import java.util.ArrayList;
import java.util.List;

/**
 * The persons, auctions and bids of one run of the Nexmark generator, as plain Java records in
 * event order: what the views {@code person}, {@code auction} and {@code bid} of {@code views.sql}
 * hold. Times are milliseconds since the epoch.
 */
record NexmarkEvents(List<Person> persons, List<Auction> auctions, List<Bid> bids) {

  /** A row of the view {@code person}. */
  record Person(long id, String name, String emailAddress, String creditCard, String city,
      String state, long dateTime, String extra) {}

  /** A row of the view {@code auction}. */
  record Auction(long id, String itemName, String description, long initialBid, long reserve,
      long dateTime, long expires, long seller, long category, String extra) {}

  /** A row of the view {@code bid}. */
  record Bid(long auction, long bidder, long price, String channel, String url, long dateTime,
      String extra) {}

  /** Every event of the run the configuration describes, generated one by one. */
  static NexmarkEvents generate(NexmarkConfig config) {
    NexmarkGenerator generator = new NexmarkGenerator(config);
    List<Person> persons = new ArrayList<>();
    List<Auction> auctions = new ArrayList<>();
    List<Bid> bids = new ArrayList<>();
    for (long n = 0; n < config.eventCount(); n++) {
      GenericRow event = generator.generate(n);
      switch (event.getInt(0)) {
        case 0 -> persons.add(person(event.getRow(1, 8)));
        case 1 -> auctions.add(auction(event.getRow(2, 10)));
        default -> bids.add(bid(event.getRow(3, 7)));
      }
    }
    return new NexmarkEvents(List.copyOf(persons), List.copyOf(auctions), List.copyOf(bids));
  }

  private static Person person(Row p) {
    return new Person(p.getLong(0), text(p, 1), text(p, 2), text(p, 3), text(p, 4), text(p, 5),
        time(p, 6), text(p, 7));
  }

  private static Auction auction(Row a) {
    return new Auction(a.getLong(0), text(a, 1), text(a, 2), a.getLong(3), a.getLong(4),
        time(a, 5), time(a, 6), a.getLong(7), a.getLong(8), text(a, 9));
  }

  private static Bid bid(Row b) {
    return new Bid(b.getLong(0), b.getLong(1), b.getLong(2), text(b, 3), text(b, 4), time(b, 5),
        text(b, 6));
  }

  private static String text(Row row, int i) {
    return row.getString(i).toString();
  }

  private static long time(Row row, int i) {
    return row.getTimestamp(i, 3).millisecond();
  }
}
