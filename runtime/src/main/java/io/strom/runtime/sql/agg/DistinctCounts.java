package io.strom.runtime.sql.agg;

import io.strom.api.typeinfo.SimpleTypeInfo;
import io.strom.api.typeinfo.TypeInfo;
import io.strom.serde.DataInputView;
import io.strom.serde.DataOutputView;
import io.strom.serde.TypeSerializer;
import java.io.IOException;

/**
 * The state type of a shared distinct view's values: per distinct value, one count per FILTER
 * (slot) of the distinct aggregations over that value, in a {@code long[]}. All distinct
 * aggregations over the same arguments share one view, so a row costs one lookup per argument
 * list rather than one per aggregation.
 */
public final class DistinctCounts {
  private DistinctCounts() {}

  /** The counts as a var-int length followed by the counts. */
  public static final TypeInfo<long[]> TYPE =
      new SimpleTypeInfo<>(long[].class, new Serializer());

  private static final class Serializer implements TypeSerializer<long[]> {
    private static final long serialVersionUID = 1L;

    @Override
    public void serialize(long[] value, DataOutputView target) throws IOException {
      target.writeVarInt(value.length);
      for (long count : value) {
        target.writeLong(count);
      }
    }

    @Override
    public long[] deserialize(DataInputView source) throws IOException {
      long[] counts = new long[source.readVarInt()];
      for (int i = 0; i < counts.length; i++) {
        counts[i] = source.readLong();
      }
      return counts;
    }

    @Override
    public long[] copy(long[] value) {
      return value.clone();
    }
  }
}
