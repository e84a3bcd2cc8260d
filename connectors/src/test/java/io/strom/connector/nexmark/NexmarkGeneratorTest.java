package io.strom.connector.nexmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.strom.data.GenericConverter;
import io.strom.data.GenericRow;
import io.strom.data.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The events of the Nexmark generator: their mix, ids, timestamps, distributions and determinism. */
class NexmarkGeneratorTest {
  private static final long BASE = 1_700_000_000_000L;
  private static final int EVENTS = 50_000;

  private static NexmarkConfig config(long seed) {
    return NexmarkConfig.defaults(EVENTS, BASE, seed);
  }

  private static Row person(GenericRow event) {
    return event.getRow(NexmarkGenerator.PERSON, PersonGenerator.ARITY);
  }

  private static Row auction(GenericRow event) {
    return event.getRow(NexmarkGenerator.AUCTION, AuctionGenerator.ARITY);
  }

  private static Row bid(GenericRow event) {
    return event.getRow(NexmarkGenerator.BID, BidGenerator.ARITY);
  }

  @Test
  void everyFiftyEventsAreOnePersonThenThreeAuctionsThenFortySixBids() {
    NexmarkGenerator generator = new NexmarkGenerator(config(1));
    for (long group = 0; group < 200; group++) {
      int[] kinds = new int[3];
      for (int i = 0; i < 50; i++) {
        GenericRow event = generator.generate(group * 50 + i);
        int kind = event.getInt(NexmarkGenerator.EVENT_TYPE);
        kinds[kind]++;
        int expected = i == 0 ? NexmarkIds.PERSON : i < 4 ? NexmarkIds.AUCTION : NexmarkIds.BID;
        assertThat(kind).as("event %d of group %d", i, group).isEqualTo(expected);
        // Exactly the row of the event's kind is set.
        for (int column = 1; column <= 3; column++) {
          assertThat(event.isNullAt(column)).isEqualTo(column != kind + 1);
        }
      }
      assertThat(kinds).containsExactly(1, 3, 46);
    }
  }

  @Test
  void personAndAuctionIdsCountUpFromOneThousandWithoutGaps() {
    NexmarkGenerator generator = new NexmarkGenerator(config(2));
    long nextPerson = NexmarkConfig.FIRST_PERSON_ID;
    long nextAuction = NexmarkConfig.FIRST_AUCTION_ID;
    for (long n = 0; n < 10_000; n++) {
      GenericRow event = generator.generate(n);
      switch (event.getInt(NexmarkGenerator.EVENT_TYPE)) {
        case NexmarkIds.PERSON -> assertThat(person(event).getLong(PersonGenerator.ID))
            .isEqualTo(nextPerson++);
        case NexmarkIds.AUCTION -> assertThat(auction(event).getLong(AuctionGenerator.ID))
            .isEqualTo(nextAuction++);
        default -> { }
      }
    }
    assertThat(nextPerson - NexmarkConfig.FIRST_PERSON_ID).isEqualTo(200);
    assertThat(nextAuction - NexmarkConfig.FIRST_AUCTION_ID).isEqualTo(600);
  }

  @Test
  void bidsAndAuctionsNameRecentPersonsAndAuctionsAtMostTenAhead() {
    NexmarkGenerator generator = new NexmarkGenerator(config(3));
    long persons = 0;
    long auctions = 0;
    for (long n = 0; n < EVENTS; n++) {
      GenericRow event = generator.generate(n);
      switch (event.getInt(NexmarkGenerator.EVENT_TYPE)) {
        case NexmarkIds.PERSON -> persons++;
        case NexmarkIds.AUCTION -> {
          auctions++;
          long seller = auction(event).getLong(AuctionGenerator.SELLER) - 1000;
          assertThat(seller).isBetween(Math.max(0, persons - 1000), persons - 1 + 10);
        }
        default -> {
          Row bid = bid(event);
          long bidder = bid.getLong(BidGenerator.BIDDER) - 1000;
          long auction = bid.getLong(BidGenerator.AUCTION) - 1000;
          assertThat(bidder).isBetween(Math.max(0, persons - 1000), persons - 1 + 10);
          assertThat(auction).isBetween(Math.max(0, auctions - 1 - 100), auctions - 1 + 10);
        }
      }
    }
  }

  @Test
  void hotAuctionsBiddersAndSellersGetTheirShare() {
    NexmarkConfig config = config(4);
    NexmarkGenerator generator = new NexmarkGenerator(config);
    int bids = 0;
    int hotAuctionBids = 0;
    int hotBidderBids = 0;
    int auctions = 0;
    int hotSellerAuctions = 0;
    for (long n = 0; n < EVENTS; n++) {
      GenericRow event = generator.generate(n);
      int kind = event.getInt(NexmarkGenerator.EVENT_TYPE);
      if (kind == NexmarkIds.BID) {
        bids++;
        long lastAuction = NexmarkIds.lastAuctionId(config, n);
        long lastPerson = NexmarkIds.lastPersonId(config, n);
        if (bid(event).getLong(BidGenerator.AUCTION) - 1000 == lastAuction / 100 * 100) {
          hotAuctionBids++;
        }
        if (bid(event).getLong(BidGenerator.BIDDER) - 1000 == lastPerson / 100 * 100 + 1) {
          hotBidderBids++;
        }
      } else if (kind == NexmarkIds.AUCTION) {
        auctions++;
        long lastPerson = NexmarkIds.lastPersonId(config, n);
        if (auction(event).getLong(AuctionGenerator.SELLER) - 1000 == lastPerson / 100 * 100) {
          hotSellerAuctions++;
        }
      }
    }
    // Ratio 2: half the bids go to the hot auction (a few more by chance among the random ones).
    assertThat((double) hotAuctionBids / bids).isBetween(0.48, 0.60);
    // Ratio 4: three quarters of bids and auctions come from the hot bidder or seller.
    assertThat((double) hotBidderBids / bids).isBetween(0.73, 0.80);
    assertThat((double) hotSellerAuctions / auctions).isBetween(0.70, 0.82);
  }

  @Test
  void timestampsAdvanceWithTheEventRate() {
    NexmarkConfig thousandPerSecond =
        new NexmarkConfig(1, 3, 46, 1000, 0, 2, 4, 4, 200, 500, 100, BASE, 5);
    NexmarkGenerator generator = new NexmarkGenerator(thousandPerSecond);
    for (long n : new long[] {0, 1, 49, 50, 999, 1000, 123_456}) {
      assertThat(dateTimeOf(generator.generate(n))).isEqualTo(BASE + n);
    }
    NexmarkConfig threePerSecond =
        new NexmarkConfig(1, 3, 46, 3, 0, 2, 4, 4, 200, 500, 100, BASE, 5);
    NexmarkGenerator slow = new NexmarkGenerator(threePerSecond);
    assertThat(dateTimeOf(slow.generate(1))).isEqualTo(BASE + 333);
    assertThat(dateTimeOf(slow.generate(2))).isEqualTo(BASE + 666);
    assertThat(dateTimeOf(slow.generate(3))).isEqualTo(BASE + 1000);
  }

  private static long dateTimeOf(GenericRow event) {
    return switch (event.getInt(NexmarkGenerator.EVENT_TYPE)) {
      case NexmarkIds.PERSON -> person(event).getTimestamp(PersonGenerator.DATE_TIME, 3).millisecond();
      case NexmarkIds.AUCTION ->
          auction(event).getTimestamp(AuctionGenerator.DATE_TIME, 3).millisecond();
      default -> bid(event).getTimestamp(BidGenerator.DATE_TIME, 3).millisecond();
    };
  }

  @Test
  void valuesFollowNexmarksDistributions() {
    NexmarkGenerator generator = new NexmarkGenerator(config(6));
    Pattern email = Pattern.compile("[a-z]([a-z ]*[a-z])?@[a-z]([a-z ]*[a-z])?\\.com");
    Pattern creditCard = Pattern.compile("\\d{4} \\d{4} \\d{4} \\d{4}");
    long bidExtraChars = 0;
    int bids = 0;
    int cheapBids = 0;
    int urlsWithChannelId = 0;
    int numberedChannels = 0;
    for (long n = 0; n < EVENTS; n++) {
      GenericRow event = generator.generate(n);
      switch (event.getInt(NexmarkGenerator.EVENT_TYPE)) {
        case NexmarkIds.PERSON -> {
          Row person = person(event);
          assertThat(person.getString(PersonGenerator.STATE).toString())
              .isIn("AZ", "CA", "ID", "OR", "WA", "WY");
          assertThat(person.getString(PersonGenerator.EMAIL).toString()).matches(email);
          assertThat(person.getString(PersonGenerator.CREDIT_CARD).toString()).matches(creditCard);
          assertThat(person.getString(PersonGenerator.NAME).toString()).matches("[A-Z][a-z]+ [A-Z][a-z]+");
        }
        case NexmarkIds.AUCTION -> {
          Row auction = auction(event);
          assertThat(auction.getLong(AuctionGenerator.CATEGORY)).isBetween(10L, 14L);
          assertThat(auction.getLong(AuctionGenerator.RESERVE))
              .isGreaterThanOrEqualTo(auction.getLong(AuctionGenerator.INITIAL_BID));
          assertThat(auction.getTimestamp(AuctionGenerator.EXPIRES, 3).millisecond())
              .isGreaterThan(auction.getTimestamp(AuctionGenerator.DATE_TIME, 3).millisecond());
        }
        default -> {
          Row bid = bid(event);
          bids++;
          long price = bid.getLong(BidGenerator.PRICE);
          assertThat(price).isBetween(100L, 100_000_000L);
          if (price < 10_000) {
            cheapBids++;
          }
          bidExtraChars += bid.getString(BidGenerator.EXTRA).sizeInBytes();
          String channel = bid.getString(BidGenerator.CHANNEL).toString();
          String url = bid.getString(BidGenerator.URL).toString();
          assertThat(url).startsWith("https://www.nexmark.com/").contains("/item.htm?query=1");
          if (channel.startsWith("channel-")) {
            numberedChannels++;
            if (url.endsWith("&channel_id=" + Math.abs(Integer.reverse(
                Integer.parseInt(channel.substring("channel-".length())))))) {
              urlsWithChannelId++;
            }
          } else {
            assertThat(channel).isIn((Object[]) BidChannels.HOT_CHANNEL_NAMES);
          }
        }
      }
    }
    // Prices are log-uniform over six decades from 1.00: a third lie below 100.00.
    assertThat((double) cheapBids / bids).isBetween(0.30, 0.37);
    // Padding brings a bid to 100 bytes on average: 68 characters past its 32 fixed bytes.
    assertThat((double) bidExtraChars / bids).isBetween(66.0, 70.0);
    assertThat((double) numberedChannels / bids).isBetween(0.45, 0.55);
    assertThat((double) urlsWithChannelId / numberedChannels).isBetween(0.85, 0.95);
  }

  @Test
  void sameSeedGivesSameEventsInAnyOrderAndOtherSeedsOthers() {
    List<String> forward = formatted(new NexmarkGenerator(config(42)), 0, 500);
    List<String> again = formatted(new NexmarkGenerator(config(42)), 0, 500);
    assertThat(again).isEqualTo(forward);

    // Generating a later event first changes nothing: each event stands on its own.
    NexmarkGenerator jumping = new NexmarkGenerator(config(42));
    jumping.generate(499);
    jumping.generate(7);
    assertThat(formatted(jumping, 250, 500)).isEqualTo(forward.subList(250, 500));

    List<String> other = formatted(new NexmarkGenerator(config(43)), 0, 500);
    long same = 0;
    for (int i = 0; i < 500; i++) {
      same += other.get(i).equals(forward.get(i)) ? 1 : 0;
    }
    assertThat(same).isZero();
  }

  static List<String> formatted(NexmarkGenerator generator, long from, long to) {
    List<String> rows = new ArrayList<>();
    for (long n = from; n < to; n++) {
      rows.add(GenericConverter.format(generator.generate(n), NexmarkSchema.PHYSICAL_TYPE));
    }
    return rows;
  }
}
