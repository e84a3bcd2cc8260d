package io.strom.runtime.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.strom.data.BinaryRow;
import io.strom.data.GenericRow;
import io.strom.data.Row;
import io.strom.runtime.generated.GeneratedClass;
import io.strom.runtime.generated.Projection;
import org.junit.jupiter.api.Test;

/** Lasting keys for state and transient keys for lookups, from one row key selector. */
class RowKeySelectorTest {

  private static final String KEY_PROJECTION = """
      public final class FirstField implements io.strom.runtime.generated.Projection {
        private final io.strom.serde.RowSerializer serializer = new io.strom.serde.RowSerializer(
            io.strom.types.DataTypes.ROW(new io.strom.types.RowType.RowField[] {
                io.strom.types.DataTypes.FIELD("k", io.strom.types.DataTypes.INT())}));
        public FirstField(Object[] references) {}
        public io.strom.data.BinaryRow apply(io.strom.data.Row row) {
          return serializer.toBinary(io.strom.data.GenericRow.of(
              new Object[] {Integer.valueOf(row.getInt(0))}));
        }
      }
      """;

  private static Row row(int k) {
    return GenericRow.of(k, 0L);
  }

  @Test
  void transientKeyEqualsTheLastingKeyUntilTheNextCall() throws Exception {
    RowKeySelector keys = new RowKeySelector(
        new GeneratedClass<Projection>("FirstField", KEY_PROJECTION, new Object[0]));
    BinaryRow lasting = keys.getKey(row(1));
    BinaryRow first = keys.transientKey(row(1));
    assertThat(first).isEqualTo(lasting);
    BinaryRow second = keys.transientKey(row(2));
    assertThat(second).isEqualTo(keys.getKey(row(2))).isNotEqualTo(lasting);
    assertThat(lasting.getInt(0)).as("a lasting key is not overwritten").isEqualTo(1);
  }
}
