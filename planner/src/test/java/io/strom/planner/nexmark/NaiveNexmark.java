package io.strom.planner.nexmark;

import io.strom.planner.nexmark.NexmarkEvents.Auction;
import io.strom.planner.nexmark.NexmarkEvents.Bid;
import io.strom.planner.nexmark.NexmarkEvents.Person;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.LongPredicate;
import java.util.function.ToLongFunction;

/**
 * A second, naive evaluation of the stateful Nexmark queries: each query's SQL read literally and
 * computed over the generator's events with loops and maps, joins as nested loops and windows by
 * computing each event's windows. The result is the final table the query leaves, each row as the
 * values of its columns (times in epoch milliseconds), in no particular order.
 *
 * <p>The runs are bounded and every event comes after all events with earlier numbers and no later
 * timestamp, so with the watermark at {@code dateTime - 4 s} no row is late: every window fires
 * with all its rows, at the end of input at the latest.
 */
final class NaiveNexmark {
  private static final long SECOND = 1000;
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("HH:mm");
  /** q9's order: price descending, then time ascending. */
  private static final Comparator<Bid> Q9_ORDER =
      Comparator.comparingLong(Bid::price).reversed().thenComparingLong(Bid::dateTime);

  private final NexmarkEvents events;

  NaiveNexmark(NexmarkEvents events) {
    this.events = events;
  }

  // ---- joins -------------------------------------------------------------------------------

  /** q3: sellers in OR, ID or CA of auctions of category 10, with the auction. */
  List<List<Object>> q3() {
    List<List<Object>> rows = new ArrayList<>();
    for (Auction a : events.auctions()) {
      for (Person p : events.persons()) {
        boolean state = p.state().equals("OR") || p.state().equals("ID")
            || p.state().equals("CA");
        if (a.seller() == p.id() && a.category() == 10 && state) {
          rows.add(List.of(p.name(), p.city(), p.state(), a.id()));
        }
      }
    }
    return rows;
  }

  /** q20: bids on auctions of category 10 with the auction's columns. */
  List<List<Object>> q20() {
    List<List<Object>> rows = new ArrayList<>();
    for (Bid b : events.bids()) {
      for (Auction a : events.auctions()) {
        if (b.auction() == a.id() && a.category() == 10) {
          rows.add(List.of(b.auction(), b.bidder(), b.price(), b.channel(), b.url(),
              b.dateTime(), b.extra(), a.itemName(), a.description(), a.initialBid(),
              a.reserve(), a.dateTime(), a.expires(), a.seller(), a.category(), a.extra()));
        }
      }
    }
    return rows;
  }

  /** The bids on an auction made while it was open: between its start and expiry, inclusive. */
  private List<Bid> bidsWhileOpen(Auction a) {
    List<Bid> bids = new ArrayList<>();
    for (Bid b : events.bids()) {
      if (b.auction() == a.id() && a.dateTime() <= b.dateTime() && b.dateTime() <= a.expires()) {
        bids.add(b);
      }
    }
    return bids;
  }

  /**
   * q4: per category the average (truncated, as AVG of BIGINT is) of the highest price of each
   * auction that had a bid while open.
   */
  List<List<Object>> q4() {
    Map<Long, List<Long>> finals = new LinkedHashMap<>();
    for (Auction a : events.auctions()) {
      List<Bid> bids = bidsWhileOpen(a);
      if (!bids.isEmpty()) {
        long max = bids.stream().mapToLong(Bid::price).max().orElseThrow();
        finals.computeIfAbsent(a.category(), c -> new ArrayList<>()).add(max);
      }
    }
    List<List<Object>> rows = new ArrayList<>();
    finals.forEach((category, prices) -> rows.add(List.of(category,
        prices.stream().mapToLong(Long::longValue).sum() / prices.size())));
    return rows;
  }

  /**
   * q6: the winning bid of every auction that had a bid while open (its highest price); per
   * seller these ordered by time, each with the average (truncated) of its price and the prices
   * of up to 10 winning bids before it. Callers check that no ties decide (see {@link #q6Ties()}).
   */
  List<List<Object>> q6() {
    List<List<Object>> rows = new ArrayList<>();
    q6WinningBidsBySeller().forEach((seller, bids) -> {
      for (int i = 0; i < bids.size(); i++) {
        List<Bid> frame = bids.subList(Math.max(0, i - 10), i + 1);
        long sum = frame.stream().mapToLong(Bid::price).sum();
        rows.add(List.of(seller, sum / frame.size()));
      }
    });
    return rows;
  }

  /** Per seller the winning bids of its auctions, in time order. */
  Map<Long, List<Bid>> q6WinningBidsBySeller() {
    Map<Long, List<Bid>> winners = new LinkedHashMap<>();
    for (Auction a : events.auctions()) {
      bidsWhileOpen(a).stream().max(Comparator.comparingLong(Bid::price)).ifPresent(
          b -> winners.computeIfAbsent(a.seller(), s -> new ArrayList<>()).add(b));
    }
    winners.values().forEach(bids -> bids.sort(Comparator.comparingLong(Bid::dateTime)));
    return winners;
  }

  /**
   * Where arrival order would decide q6: auctions whose highest price was bid more than once
   * while open, and sellers with two winning bids at the same time.
   */
  long q6Ties() {
    long auctions = events.auctions().stream().filter(a -> {
      List<Bid> bids = bidsWhileOpen(a);
      long max = bids.stream().mapToLong(Bid::price).max().orElse(-1);
      return bids.stream().filter(b -> b.price() == max).count() > 1;
    }).count();
    long sameTime = q6WinningBidsBySeller().values().stream()
        .mapToLong(bids -> bids.size() - bids.stream().map(Bid::dateTime).distinct().count())
        .sum();
    return auctions + sameTime;
  }

  /**
   * q9: every auction that had a bid while open, with its first bid by price descending, then
   * time ascending. Callers check that this order has no ties (see {@link #q9Ties()}).
   */
  List<List<Object>> q9() {
    List<List<Object>> rows = new ArrayList<>();
    for (Auction a : events.auctions()) {
      bidsWhileOpen(a).stream().min(Q9_ORDER).ifPresent(b -> rows.add(List.of(
          a.id(), a.itemName(), a.description(), a.initialBid(), a.reserve(), a.dateTime(),
          a.expires(), a.seller(), a.category(), a.extra(),
          b.auction(), b.bidder(), b.price(), b.dateTime(), b.extra())));
    }
    return rows;
  }

  /** Auctions whose best bids of q9 tie on price and time, so that arrival order would decide. */
  long q9Ties() {
    return events.auctions().stream().filter(a -> {
      List<Bid> bids = bidsWhileOpen(a);
      if (bids.isEmpty()) {
        return false;
      }
      Bid best = bids.stream().min(Q9_ORDER).orElseThrow();
      return bids.stream().filter(b -> Q9_ORDER.compare(b, best) == 0).count() > 1;
    }).count();
  }

  // ---- windows -----------------------------------------------------------------------------

  /** The start of the tumbling window of this size that holds time t, aligned to the epoch. */
  static long tumbleStart(long t, long size) {
    return Math.floorDiv(t, size) * size;
  }

  /** The starts of the hopping windows [s, s + size) with s a multiple of slide that hold t. */
  static List<Long> hopStarts(long t, long slide, long size) {
    List<Long> starts = new ArrayList<>();
    for (long s = tumbleStart(t, slide); s > t - size; s -= slide) {
      starts.add(s);
    }
    return starts;
  }

  /**
   * q5: in every 10-second window sliding by 2 seconds, each auction whose bid count is at least
   * the window's highest count, with that count.
   */
  List<List<Object>> q5() {
    Map<Long, Map<Long, Long>> countsByWindow = new TreeMap<>();
    for (Bid b : events.bids()) {
      for (long start : hopStarts(b.dateTime(), 2 * SECOND, 10 * SECOND)) {
        countsByWindow.computeIfAbsent(start, s -> new LinkedHashMap<>())
            .merge(b.auction(), 1L, Long::sum);
      }
    }
    List<List<Object>> rows = new ArrayList<>();
    for (Map<Long, Long> counts : countsByWindow.values()) {
      long max = counts.values().stream().mapToLong(Long::longValue).max().orElseThrow();
      counts.forEach((auction, num) -> {
        if (num >= max) {
          rows.add(List.of(auction, num));
        }
      });
    }
    return rows;
  }

  /**
   * q7: for every 10-second tumbling window with its highest price, each bid of that price made
   * from the window's end minus 10 seconds up to its end, both inclusive (so a bid at exactly a
   * window's end also joins the window before).
   */
  List<List<Object>> q7() {
    Map<Long, Long> maxByWindowEnd = new TreeMap<>();
    for (Bid b : events.bids()) {
      long end = tumbleStart(b.dateTime(), 10 * SECOND) + 10 * SECOND;
      maxByWindowEnd.merge(end, b.price(), Math::max);
    }
    List<List<Object>> rows = new ArrayList<>();
    maxByWindowEnd.forEach((end, max) -> {
      for (Bid b : events.bids()) {
        if (b.price() == max && end - 10 * SECOND <= b.dateTime() && b.dateTime() <= end) {
          rows.add(List.of(b.auction(), b.bidder(), b.price(), b.dateTime(), b.extra()));
        }
      }
    });
    return rows;
  }

  /** q8: people who opened an auction in the 10-second tumbling window they registered in. */
  List<List<Object>> q8() {
    Set<List<Object>> people = new LinkedHashSet<>();
    for (Person p : events.persons()) {
      people.add(List.of(p.id(), p.name(), tumbleStart(p.dateTime(), 10 * SECOND)));
    }
    Set<List<Long>> sellers = new HashSet<>();
    for (Auction a : events.auctions()) {
      sellers.add(List.of(a.seller(), tumbleStart(a.dateTime(), 10 * SECOND)));
    }
    List<List<Object>> rows = new ArrayList<>();
    for (List<Object> p : people) {
      if (sellers.contains(List.of((Long) p.get(0), (Long) p.get(2)))) {
        rows.add(p);
      }
    }
    return rows;
  }

  /**
   * q11: each bidder's sessions of bids with at most 10 seconds between one bid and the next (a
   * bid exactly 10 seconds after a session's last one still joins it, as Flink's sessions touch),
   * as bidder, bid count, session start (first bid) and end (last bid + 10 seconds).
   */
  List<List<Object>> q11() {
    long gap = 10 * SECOND;
    Map<Long, List<Long>> timesByBidder = new TreeMap<>();
    for (Bid b : events.bids()) {
      timesByBidder.computeIfAbsent(b.bidder(), k -> new ArrayList<>()).add(b.dateTime());
    }
    List<List<Object>> rows = new ArrayList<>();
    timesByBidder.forEach((bidder, times) -> {
      times.sort(null);
      long start = times.get(0);
      long end = start + gap;
      long count = 0;
      for (long t : times) {
        if (t > end) {
          rows.add(List.of(bidder, count, start, end));
          start = t;
          count = 0;
        }
        end = Math.max(end, t + gap);
        count++;
      }
      rows.add(List.of(bidder, count, start, end));
    });
    return rows;
  }

  // ---- group aggregations ------------------------------------------------------------------

  static String day(long t) {
    return DAY.format(Instant.ofEpochMilli(t).atZone(ZoneOffset.UTC));
  }

  static String minute(long t) {
    return MINUTE.format(Instant.ofEpochMilli(t).atZone(ZoneOffset.UTC));
  }

  /** The price bands of q15 to q17: below 100.00, below 10,000.00, the rest. */
  private static final List<LongPredicate> BANDS = List.of(
      price -> price < 10_000,
      price -> price >= 10_000 && price < 1_000_000,
      price -> price >= 1_000_000);

  /** The bids of one group of q15, q16 or q17. */
  private record Group(List<Bid> bids) {
    long count(LongPredicate band) {
      return bids.stream().filter(b -> band.test(b.price())).count();
    }

    long distinct(LongPredicate band, ToLongFunction<Bid> column) {
      return bids.stream().filter(b -> band.test(b.price())).mapToLong(column).distinct()
          .count();
    }

    /** Total bids, the bids per band, then the same for distinct bidders and auctions. */
    List<Object> statistics() {
      List<Object> values = new ArrayList<>();
      values.add((long) bids.size());
      BANDS.forEach(band -> values.add(count(band)));
      values.add(distinct(price -> true, Bid::bidder));
      BANDS.forEach(band -> values.add(distinct(band, Bid::bidder)));
      values.add(distinct(price -> true, Bid::auction));
      BANDS.forEach(band -> values.add(distinct(band, Bid::auction)));
      return values;
    }
  }

  private Map<List<Object>, Group> groupBids(Function<Bid, List<Object>> key) {
    Map<List<Object>, Group> groups = new LinkedHashMap<>();
    for (Bid b : events.bids()) {
      groups.computeIfAbsent(key.apply(b), k -> new Group(new ArrayList<>())).bids().add(b);
    }
    return groups;
  }

  /** q15: per day the bids, distinct bidders and distinct auctions, in total and per band. */
  List<List<Object>> q15() {
    List<List<Object>> rows = new ArrayList<>();
    groupBids(b -> List.of(day(b.dateTime()))).forEach((key, group) -> {
      List<Object> row = new ArrayList<>(key);
      row.addAll(group.statistics());
      rows.add(row);
    });
    return rows;
  }

  /** q16: q15 per channel and day, with the greatest HH:mm of the group's bids. */
  List<List<Object>> q16() {
    List<List<Object>> rows = new ArrayList<>();
    groupBids(b -> List.of(b.channel(), day(b.dateTime()))).forEach((key, group) -> {
      List<Object> row = new ArrayList<>(key);
      row.add(group.bids().stream().map(b -> minute(b.dateTime()))
          .max(Comparator.naturalOrder()).orElseThrow());
      row.addAll(group.statistics());
      rows.add(row);
    });
    return rows;
  }

  /**
   * q17: per auction and day the bids in total and per band, and the lowest, highest, average
   * (truncated) and total price.
   */
  List<List<Object>> q17() {
    List<List<Object>> rows = new ArrayList<>();
    groupBids(b -> List.of(b.auction(), day(b.dateTime()))).forEach((key, group) -> {
      List<Object> row = new ArrayList<>(key);
      row.add((long) group.bids().size());
      BANDS.forEach(band -> row.add(group.count(band)));
      long sum = group.bids().stream().mapToLong(Bid::price).sum();
      row.add(group.bids().stream().mapToLong(Bid::price).min().orElseThrow());
      row.add(group.bids().stream().mapToLong(Bid::price).max().orElseThrow());
      row.add(sum / group.bids().size());
      row.add(sum);
      rows.add(row);
    });
    return rows;
  }

  // ---- deduplication and Top-N -------------------------------------------------------------

  /** q18: per bidder and auction the bid with the latest time. Callers check for ties. */
  List<List<Object>> q18() {
    Map<List<Long>, Bid> latest = new LinkedHashMap<>();
    for (Bid b : events.bids()) {
      latest.merge(List.of(b.bidder(), b.auction()), b,
          (kept, next) -> next.dateTime() >= kept.dateTime() ? next : kept);
    }
    return latest.values().stream().map(NaiveNexmark::bidColumns).toList();
  }

  /**
   * q19: per auction its ten highest bids with their rank; of equal prices the earlier event ranks
   * first, as at parallelism 1 it arrives first. Callers check whether ties decide anything.
   */
  List<List<Object>> q19() {
    List<List<Object>> rows = new ArrayList<>();
    for (List<Bid> bids : bidsByAuction().values()) {
      List<Bid> sorted = new ArrayList<>(bids);
      sorted.sort(Comparator.comparingLong(Bid::price).reversed()); // stable: event order kept
      for (int rank = 1; rank <= Math.min(10, sorted.size()); rank++) {
        List<Object> row = new ArrayList<>(bidColumns(sorted.get(rank - 1)));
        row.add((long) rank);
        rows.add(row);
      }
    }
    return rows;
  }

  /**
   * Auctions where two bids of equal price both rank within the top 11, so that arrival order
   * decides a rank or whether a bid is in the top 10.
   */
  long q19Ties() {
    return bidsByAuction().values().stream().filter(bids -> {
      List<Long> top = bids.stream().map(Bid::price).sorted(Comparator.reverseOrder()).limit(11)
          .toList();
      return new HashSet<>(top).size() < top.size();
    }).count();
  }

  /** Pairs of bids of one bidder on one auction at the same time (q18's order cannot rank). */
  long q18Ties() {
    Set<List<Long>> seen = new HashSet<>();
    return events.bids().stream()
        .filter(b -> !seen.add(List.of(b.bidder(), b.auction(), b.dateTime()))).count();
  }

  private Map<Long, List<Bid>> bidsByAuction() {
    Map<Long, List<Bid>> byAuction = new LinkedHashMap<>();
    for (Bid b : events.bids()) {
      byAuction.computeIfAbsent(b.auction(), a -> new ArrayList<>()).add(b);
    }
    return byAuction;
  }

  private static List<Object> bidColumns(Bid b) {
    return List.of(b.auction(), b.bidder(), b.price(), b.channel(), b.url(), b.dateTime(),
        b.extra());
  }
}
