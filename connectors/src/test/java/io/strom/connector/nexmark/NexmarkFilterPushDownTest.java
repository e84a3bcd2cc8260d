package io.strom.connector.nexmark;

import static io.strom.connector.expressions.CallExpression.Operator.EQUALS;
import static io.strom.connector.expressions.CallExpression.Operator.GREATER_THAN;
import static io.strom.connector.expressions.CallExpression.Operator.IN;
import static io.strom.connector.expressions.CallExpression.Operator.NOT_EQUALS;
import static org.assertj.core.api.Assertions.assertThat;

import io.strom.connector.SupportsFilterPushDown;
import io.strom.connector.expressions.CallExpression;
import io.strom.connector.expressions.FieldReference;
import io.strom.connector.expressions.ResolvedExpression;
import io.strom.connector.expressions.ValueLiteral;
import io.strom.data.Row;
import io.strom.runtime.source.InputStatus;
import io.strom.runtime.source.ReaderOutput;
import io.strom.runtime.source.SourceOutput;
import io.strom.types.DataTypes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Filters on {@code event_type} pushed into a {@code nexmark} source: it skips the other kinds of
 * events and produces exactly the events it would have produced without the filter, minus those.
 */
class NexmarkFilterPushDownTest {
  private static final NexmarkConfig CONFIG =
      new NexmarkConfig(1, 3, 46, 1000, 3000, 2, 4, 4, 200, 500, 100, 0, 7);
  private static final FieldReference EVENT_TYPE =
      new FieldReference(0, "event_type", DataTypes.INT());
  private static final FieldReference BID = new FieldReference(3, "bid", DataTypes.INT());

  private static ValueLiteral literal(long value) {
    return new ValueLiteral(value, DataTypes.BIGINT());
  }

  private static List<Row> read(EventKindFilter kinds) throws Exception {
    NexmarkSourceReader reader = new NexmarkSourceReader(new NexmarkGenerator(CONFIG), null, kinds);
    reader.addSplits(List.of(new NexmarkSplit("0", 0, CONFIG.eventCount(), 1)));
    reader.notifyNoMoreSplits();
    List<Row> rows = new ArrayList<>();
    ReaderOutput<Row> output = new ReaderOutput<>() {
      @Override
      public SourceOutput<Row> forSplit(String splitId) {
        return this;
      }

      @Override
      public void releaseSplit(String splitId) {}

      @Override
      public void collect(Row record) {
        rows.add(record);
      }

      @Override
      public void collect(Row record, long timestamp) {
        rows.add(record);
      }
    };
    while (reader.pollNext(output) != InputStatus.END_OF_INPUT) {
      // each poll emits a batch
    }
    return rows;
  }

  @Test
  void appliesConjunctsOnEventTypeAndLeavesTheRest() {
    NexmarkTableSource source =
        new NexmarkTableSource(NexmarkSchema.PHYSICAL_TYPE, CONFIG, true);
    ResolvedExpression onBids = CallExpression.of(EQUALS, EVENT_TYPE, literal(2));
    ResolvedExpression onOther = CallExpression.of(GREATER_THAN, BID, literal(2));
    SupportsFilterPushDown.Result result = source.applyFilters(List.of(onBids, onOther));
    assertThat(result.accepted()).containsExactly(onBids);
    assertThat(result.remaining()).containsExactly(onOther);
  }

  @Test
  void narrowsKindsByEveryAcceptedConjunct() {
    EventKindFilter.Narrowed narrowed = EventKindFilter.narrow(
        EventKindFilter.ALL,
        List.of(
            CallExpression.of(IN, EVENT_TYPE, literal(0), literal(1)),
            CallExpression.of(NOT_EQUALS, EVENT_TYPE, literal(0))),
        0);
    assertThat(narrowed.kinds()).isEqualTo(new EventKindFilter(false, true, false));
  }

  @Test
  void skippedEventsLeaveTheOthersUnchanged() throws Exception {
    List<Row> all = read(EventKindFilter.ALL);
    List<Row> bidsAndPersons = read(new EventKindFilter(true, false, true));
    List<Row> expected = new ArrayList<>();
    for (Row row : all) {
      if (row.getInt(NexmarkGenerator.EVENT_TYPE) != NexmarkIds.AUCTION) {
        expected.add(row);
      }
    }
    assertThat(expected).hasSizeGreaterThan(2000);
    assertThat(bidsAndPersons).isEqualTo(expected);
  }
}
