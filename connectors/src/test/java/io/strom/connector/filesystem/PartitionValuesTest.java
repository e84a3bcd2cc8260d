package io.strom.connector.filesystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strom.connector.ConnectorException;
import io.strom.data.GenericRow;
import io.strom.types.DataTypes;
import io.strom.types.LogicalType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** Partition values become directory text as Flink writes it, and read back typed. */
class PartitionValuesTest {
  private final PartitionValues values = new PartitionValues("__DEFAULT_PARTITION__");

  private String text(Object value, LogicalType type) {
    GenericRow row = new GenericRow(1);
    row.setField(0, value);
    return values.toPathValue(row, 0, type);
  }

  /** Text to a value and back to text, through a row as a scan and a sink see it. */
  private String roundTrip(String text, LogicalType type) {
    return text(values.toInternal(text, type, "c"), type);
  }

  @Test
  void writesTheJavaTextOfEachType() {
    assertThat(text(3, DataTypes.INT())).isEqualTo("3");
    assertThat(text(-7L, DataTypes.BIGINT())).isEqualTo("-7");
    assertThat(text(LocalDate.of(2024, 1, 1), DataTypes.DATE())).isEqualTo("2024-01-01");
    assertThat(text("north", DataTypes.STRING())).isEqualTo("north");
    assertThat(text(true, DataTypes.BOOLEAN())).isEqualTo("true");
    assertThat(text(new BigDecimal("12.50"), DataTypes.DECIMAL(5, 2))).isEqualTo("12.50");
    assertThat(text(LocalDateTime.of(2024, 1, 1, 10, 15), DataTypes.TIMESTAMP(3)))
        .isEqualTo("2024-01-01T10:15");
  }

  @Test
  void nullEmptyAndBlankGoToTheDefaultPartition() {
    assertThat(text(null, DataTypes.INT())).isEqualTo("__DEFAULT_PARTITION__");
    assertThat(text("", DataTypes.STRING())).isEqualTo("__DEFAULT_PARTITION__");
    assertThat(text("  ", DataTypes.STRING())).isEqualTo("__DEFAULT_PARTITION__");
    assertThat(values.toInternal("__DEFAULT_PARTITION__", DataTypes.DATE(), "dt")).isNull();
    assertThat(values.toInternal("__DEFAULT_PARTITION__", DataTypes.STRING(), "s")).isNull();
  }

  @Test
  void readsBackWhatItWrote() {
    assertThat(roundTrip("3", DataTypes.INT())).isEqualTo("3");
    assertThat(roundTrip("2024-02-29", DataTypes.DATE())).isEqualTo("2024-02-29");
    assertThat(roundTrip("a/b", DataTypes.STRING())).isEqualTo("a/b");
    assertThat(roundTrip("2024-01-01T10:15:30.123", DataTypes.TIMESTAMP(3)))
        .isEqualTo("2024-01-01T10:15:30.123");
    assertThat(roundTrip("1.5", DataTypes.DOUBLE())).isEqualTo("1.5");
    assertThat(roundTrip("12.50", DataTypes.DECIMAL(5, 2))).isEqualTo("12.50");
    assertThat(roundTrip("false", DataTypes.BOOLEAN())).isEqualTo("false");
  }

  @Test
  void refusesTextThatIsNoValueOfTheColumnsType() {
    assertThatThrownBy(() -> values.toInternal("soon", DataTypes.DATE(), "dt"))
        .isInstanceOf(ConnectorException.class)
        .hasMessage("The partition directory value 'soon' of column 'dt' cannot be read as a value"
            + " of type DATE");
    assertThatThrownBy(() -> values.toInternal("x", DataTypes.INT(), "hr"))
        .isInstanceOf(ConnectorException.class)
        .hasMessageContaining("cannot be read as a value of type INT");
  }

  @Test
  void supportsScalarTypesOnly() {
    assertThat(PartitionValues.supports(DataTypes.DATE())).isTrue();
    assertThat(PartitionValues.supports(DataTypes.ARRAY(DataTypes.INT()))).isFalse();
    assertThat(PartitionValues.supports(DataTypes.BYTES())).isFalse();
  }
}
