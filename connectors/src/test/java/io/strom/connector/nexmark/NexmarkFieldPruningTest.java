package io.strom.connector.nexmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.strom.data.GenericRow;
import io.strom.data.Row;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A generator told which nested fields a query reads builds the same values for those fields as a
 * full one, for every kind of event, and leaves the others NULL.
 */
class NexmarkFieldPruningTest {
  private static final NexmarkConfig CONFIG =
      NexmarkConfig.defaults(20_000, 1_700_000_000_000L, 7);

  private static void assertSameReadFields(Map<Integer, int[]> read) {
    NexmarkGenerator full = new NexmarkGenerator(CONFIG);
    NexmarkGenerator pruned = new NexmarkGenerator(CONFIG, NexmarkFields.of(read));
    int[] arities = {0, PersonGenerator.ARITY, AuctionGenerator.ARITY, BidGenerator.ARITY};
    for (long n = 0; n < CONFIG.eventCount(); n++) {
      GenericRow expected = full.generate(n);
      GenericRow actual = pruned.generate(n);
      assertThat(actual.getInt(NexmarkGenerator.EVENT_TYPE))
          .isEqualTo(expected.getInt(NexmarkGenerator.EVENT_TYPE));
      for (int column = 1; column <= 3; column++) {
        assertThat(actual.isNullAt(column)).isEqualTo(expected.isNullAt(column));
        if (expected.isNullAt(column)) {
          continue;
        }
        Row want = expected.getRow(column, arities[column]);
        Row got = actual.getRow(column, arities[column]);
        int[] positions = read.get(column);
        for (int field = 0; field < arities[column]; field++) {
          GenericRow wantRow = (GenericRow) want;
          GenericRow gotRow = (GenericRow) got;
          if (positions == null || contains(positions, field)) {
            assertThat(gotRow.getField(field))
                .as("event %d, column %d, field %d", n, column, field)
                .isEqualTo(wantRow.getField(field));
          }
        }
      }
    }
  }

  private static boolean contains(int[] positions, int field) {
    for (int p : positions) {
      if (p == field) {
        return true;
      }
    }
    return false;
  }

  @Test
  void bidFieldsOfQ0ToQ2AreTheFullGeneratorsValues() {
    // q2 reads bid.auction and bid.price; every view reads its kind's dateTime.
    assertSameReadFields(Map.of(
        NexmarkGenerator.PERSON, new int[] {PersonGenerator.DATE_TIME},
        NexmarkGenerator.AUCTION, new int[] {AuctionGenerator.DATE_TIME},
        NexmarkGenerator.BID, new int[] {
            BidGenerator.AUCTION, BidGenerator.PRICE, BidGenerator.DATE_TIME}));
  }

  @Test
  void auctionFieldsAfterSkippedWordsAreTheFullGeneratorsValues() {
    // Expiry and padding are drawn after the unread item name and description.
    assertSameReadFields(Map.of(
        NexmarkGenerator.AUCTION, new int[] {
            AuctionGenerator.ID, AuctionGenerator.EXPIRES, AuctionGenerator.SELLER,
            AuctionGenerator.EXTRA},
        NexmarkGenerator.BID, new int[] {BidGenerator.EXTRA, BidGenerator.URL}));
  }

  @Test
  void unreadFieldsAreNull() {
    NexmarkGenerator pruned = new NexmarkGenerator(CONFIG, NexmarkFields.of(Map.of(
        NexmarkGenerator.BID, new int[] {BidGenerator.PRICE},
        NexmarkGenerator.AUCTION, new int[] {AuctionGenerator.SELLER})));
    GenericRow auction = (GenericRow) pruned.generate(1)
        .getRow(NexmarkGenerator.AUCTION, AuctionGenerator.ARITY);
    GenericRow bid = (GenericRow) pruned.generate(10)
        .getRow(NexmarkGenerator.BID, BidGenerator.ARITY);
    assertThat(bid.isNullAt(BidGenerator.PRICE)).isFalse();
    for (int field : new int[] {BidGenerator.CHANNEL, BidGenerator.URL, BidGenerator.DATE_TIME,
        BidGenerator.EXTRA}) {
      assertThat(bid.isNullAt(field)).isTrue();
    }
    assertThat(auction.isNullAt(AuctionGenerator.SELLER)).isFalse();
    for (int field : new int[] {AuctionGenerator.ITEM_NAME, AuctionGenerator.DESCRIPTION,
        AuctionGenerator.DATE_TIME, AuctionGenerator.EXPIRES, AuctionGenerator.EXTRA}) {
      assertThat(auction.isNullAt(field)).isTrue();
    }
  }
}
