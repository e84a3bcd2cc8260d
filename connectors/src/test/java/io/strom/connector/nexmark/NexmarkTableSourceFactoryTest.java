package io.strom.connector.nexmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strom.connector.ConnectorException;
import io.strom.connector.ConnectorTesting;
import io.strom.connector.ScanTableSource;
import io.strom.types.DataTypes;
import io.strom.types.RowType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The {@code nexmark} table factory: options, columns, and scans at several parallelisms. */
class NexmarkTableSourceFactoryTest {
  private static final Map<String, String> BOUNDED = Map.of(
      "connector", "nexmark",
      "events.num", "3000",
      "first-event.rate", "1000",
      "base-time", "1700000000000",
      "seed", "11");

  private static ScanTableSource source(Map<String, String> options) {
    return ConnectorTesting.source(NexmarkSchema.PHYSICAL_TYPE, options);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 4})
  void readersShareTheEventsWithoutOverlapOrGapsAndAgreeWithTheGenerator(int parallelism)
      throws Exception {
    ScanTableSource source = source(BOUNDED);
    assertThat(source.isBounded()).isTrue();

    List<String> scanned = ConnectorTesting.scan(source, parallelism);

    NexmarkConfig config = new NexmarkConfig(
        1, 3, 46, 1000, 3000, 2, 4, 4, 200, 500, 100, 1_700_000_000_000L, 11);
    List<String> expected =
        NexmarkGeneratorTest.formatted(new NexmarkGenerator(config), 0, 3000);
    assertThat(scanned).hasSize(3000).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void withoutEventCountTheTableIsEndless() {
    ScanTableSource source = source(Map.of("connector", "nexmark"));
    assertThat(source.isBounded()).isFalse();
    assertThat(source.summary()).startsWith("nexmark(first-event.rate=10000");
  }

  @Test
  void unknownOptionIsNamedWithTheClosestKnownOne() {
    assertThatThrownBy(() -> source(Map.of("connector", "nexmark", "events.number", "10")))
        .isInstanceOf(ConnectorException.class)
        .hasMessageContaining("Unsupported option 'events.number'")
        .hasMessageContaining("Did you mean 'events.num'?");
  }

  @Test
  void valuesOutOfRangeAreRejectedNamingTheOption() {
    assertThatThrownBy(() -> source(Map.of("connector", "nexmark", "auction.proportion", "0")))
        .isInstanceOf(ConnectorException.class)
        .hasMessageContaining("'auction.proportion'")
        .hasMessageContaining("1 or more");
    assertThatThrownBy(() -> source(Map.of("connector", "nexmark", "events.num", "many")))
        .isInstanceOf(ConnectorException.class)
        .hasMessageContaining("Invalid value 'many' for option 'events.num'");
  }

  @Test
  void columnsOtherThanNexmarksAreRejectedWithTheExpectedOnes() {
    RowType renamed = RowType.of(
        List.of("event_type", "person", "auction", "bids"),
        NexmarkSchema.PHYSICAL_TYPE.fieldTypes());
    assertThatThrownBy(() -> ConnectorTesting.source(renamed, Map.of("connector", "nexmark")))
        .isInstanceOf(ConnectorException.class)
        .hasMessageContaining("column 4 is 'bids', expected 'bid'")
        .hasMessageContaining("event_type INT");

    RowType tooFew = RowType.of(List.of("event_type"), List.of(DataTypes.INT()));
    assertThatThrownBy(() -> ConnectorTesting.source(tooFew, Map.of("connector", "nexmark")))
        .hasMessageContaining("has 1 physical columns, expected 4");
  }
}
