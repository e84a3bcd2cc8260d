package io.strom.runtime.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.strom.data.BinaryRow;
import io.strom.data.GenericRow;
import io.strom.data.Row;
import io.strom.data.StringData;
import io.strom.runtime.generated.GeneratedClass;
import io.strom.runtime.generated.Projection;
import io.strom.runtime.sql.RowKeySelector;
import io.strom.runtime.state.KeyGroups;
import org.junit.jupiter.api.Test;

class HashPartitionerTest {
  private static final int MAX_PARALLELISM = 128;

  private static final String KEY_PROJECTION = """
      public final class KeyOfRow implements io.strom.runtime.generated.Projection {
        private final io.strom.serde.RowSerializer serializer = new io.strom.serde.RowSerializer(
            io.strom.types.DataTypes.ROW(new io.strom.types.RowType.RowField[] {
                io.strom.types.DataTypes.FIELD("k", io.strom.types.DataTypes.STRING()),
                io.strom.types.DataTypes.FIELD("n", io.strom.types.DataTypes.BIGINT())}));
        public KeyOfRow(Object[] references) {}
        public io.strom.data.BinaryRow apply(io.strom.data.Row row) {
          return serializer.toBinary(io.strom.data.GenericRow.of(
              new Object[] {row.getString(0), Long.valueOf(row.getLong(1))}));
        }
      }
      """;

  private static RowKeySelector selector() {
    return new RowKeySelector(
        new GeneratedClass<Projection>("KeyOfRow", KEY_PROJECTION, new Object[0]));
  }

  private static Row row(int i) {
    return GenericRow.of(StringData.fromString("seller-" + (i % 97)), (long) i, (long) (i * 7));
  }

  @Test
  void routesByTheKeysHashWithoutKeepingTheKey() throws Exception {
    RowKeySelector keys = selector();
    StreamPartitioner<Row> hash = Partitioners.hash(selector(), MAX_PARALLELISM);
    for (int parallelism : new int[] {2, 3, 7}) {
      for (int i = 0; i < 1_000; i++) {
        BinaryRow key = keys.getKey(row(i));
        assertThat(keys.keyHashCode(row(i))).isEqualTo(key.hashCode());
        int expected = KeyGroups.subtaskOf(
            KeyGroups.keyGroupOf(key, MAX_PARALLELISM), MAX_PARALLELISM, parallelism);
        assertThat(hash.selectChannel(row(i), parallelism)).as("row %d", i).isEqualTo(expected);
      }
    }
  }

  @Test
  void equalKeysGoToTheSameChannelWhateverTheOtherFields() throws Exception {
    StreamPartitioner<Row> hash = Partitioners.hash(selector(), MAX_PARALLELISM);
    Row a = GenericRow.of(StringData.fromString("k"), 5L, 1L);
    Row b = GenericRow.of(StringData.fromString("k"), 5L, 999L);
    int channels = 128;
    assertThat(hash.selectChannel(a, channels)).isEqualTo(hash.selectChannel(b, channels));
    // Keys that differ in any key field spread: a constant routing would fail here.
    long distinct = java.util.stream.IntStream.range(0, 200)
        .map(i -> {
          try {
            return hash.selectChannel(row(i), channels);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        })
        .distinct().count();
    assertThat(distinct).isGreaterThan(50);
  }
}
