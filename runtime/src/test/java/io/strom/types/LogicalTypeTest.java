package io.strom.types;

import static io.strom.types.DataTypes.ARRAY;
import static io.strom.types.DataTypes.BIGINT;
import static io.strom.types.DataTypes.BOOLEAN;
import static io.strom.types.DataTypes.BYTES;
import static io.strom.types.DataTypes.CHAR;
import static io.strom.types.DataTypes.DATE;
import static io.strom.types.DataTypes.DECIMAL;
import static io.strom.types.DataTypes.DOUBLE;
import static io.strom.types.DataTypes.FIELD;
import static io.strom.types.DataTypes.INT;
import static io.strom.types.DataTypes.INTERVAL;
import static io.strom.types.DataTypes.INTERVAL_DAY_TO_SECOND;
import static io.strom.types.DataTypes.INTERVAL_YEAR_TO_MONTH;
import static io.strom.types.DataTypes.MAP;
import static io.strom.types.DataTypes.MULTISET;
import static io.strom.types.DataTypes.NULL;
import static io.strom.types.DataTypes.ROW;
import static io.strom.types.DataTypes.STRING;
import static io.strom.types.DataTypes.TIME;
import static io.strom.types.DataTypes.TIMESTAMP;
import static io.strom.types.DataTypes.TIMESTAMP_LTZ;
import static io.strom.types.DataTypes.VARBINARY;
import static io.strom.types.DataTypes.VARCHAR;
import static io.strom.types.DataTypes.notNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strom.types.DayTimeIntervalType.Resolution;
import org.junit.jupiter.api.Test;

class LogicalTypeTest {

  @Test
  void printsScalarTypesAsFlinkDoes() {
    assertThat(INT().asSummaryString()).isEqualTo("INT");
    assertThat(notNull(INT()).asSummaryString()).isEqualTo("INT NOT NULL");
    assertThat(BIGINT().asSummaryString()).isEqualTo("BIGINT");
    assertThat(BOOLEAN().asSummaryString()).isEqualTo("BOOLEAN");
    assertThat(DOUBLE().asSummaryString()).isEqualTo("DOUBLE");
    assertThat(DECIMAL(10, 2).asSummaryString()).isEqualTo("DECIMAL(10, 2)");
    assertThat(STRING().asSummaryString()).isEqualTo("STRING");
    assertThat(VARCHAR(20).asSummaryString()).isEqualTo("VARCHAR(20)");
    assertThat(CHAR(3).asSummaryString()).isEqualTo("CHAR(3)");
    assertThat(BYTES().asSummaryString()).isEqualTo("BYTES");
    assertThat(VARBINARY(16).asSummaryString()).isEqualTo("VARBINARY(16)");
    assertThat(DATE().asSummaryString()).isEqualTo("DATE");
    assertThat(TIME().asSummaryString()).isEqualTo("TIME(0)");
    assertThat(TIMESTAMP(3).asSummaryString()).isEqualTo("TIMESTAMP(3)");
    assertThat(TIMESTAMP().asSummaryString()).isEqualTo("TIMESTAMP(6)");
    assertThat(TIMESTAMP_LTZ(3).asSummaryString()).isEqualTo("TIMESTAMP_LTZ(3)");
    assertThat(NULL().asSummaryString()).isEqualTo("NULL");
  }

  @Test
  void printsTimeAttributesWithTheirMarker() {
    assertThat(TIMESTAMP(3).withKind(TimestampKind.ROWTIME).asSummaryString())
        .isEqualTo("TIMESTAMP(3) *ROWTIME*");
    assertThat(notNull(TIMESTAMP_LTZ(3)).withKind(TimestampKind.PROCTIME).asSummaryString())
        .isEqualTo("TIMESTAMP_LTZ(3) NOT NULL *PROCTIME*");
  }

  @Test
  void printsIntervalsWithTheirPrecisions() {
    assertThat(INTERVAL_YEAR_TO_MONTH().asSummaryString()).isEqualTo("INTERVAL YEAR(2) TO MONTH");
    assertThat(INTERVAL_DAY_TO_SECOND(3).asSummaryString())
        .isEqualTo("INTERVAL DAY(2) TO SECOND(3)");
    assertThat(INTERVAL(Resolution.MINUTE, 6).asSummaryString()).isEqualTo("INTERVAL MINUTE");
    assertThat(INTERVAL(Resolution.SECOND, 3).asSummaryString()).isEqualTo("INTERVAL SECOND(2, 3)");
    assertThat(INTERVAL(YearMonthIntervalType.Resolution.MONTH).asSummaryString())
        .isEqualTo("INTERVAL MONTH");
  }

  @Test
  void printsCompositeTypes() {
    assertThat(ARRAY(INT()).asSummaryString()).isEqualTo("ARRAY<INT>");
    assertThat(MAP(STRING(), notNull(INT())).asSummaryString())
        .isEqualTo("MAP<STRING, INT NOT NULL>");
    assertThat(MULTISET(STRING()).asSummaryString()).isEqualTo("MULTISET<STRING>");
    assertThat(ROW(FIELD("a", INT()), FIELD("b", STRING())).asSummaryString())
        .isEqualTo("ROW<`a` INT, `b` STRING>");
    assertThat(notNull(ROW(FIELD("we`ird", INT(), "it's a comment"))).asSummaryString())
        .isEqualTo("ROW<`we``ird` INT 'it''s a comment'> NOT NULL");
  }

  @Test
  void rejectsPrecisionsOutOfRangeWithTheRangeInTheMessage() {
    assertThatThrownBy(() -> DECIMAL(39, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Precision of DECIMAL must be between 1 and 38 (both inclusive), got 39");
    assertThatThrownBy(() -> DECIMAL(5, 6)).hasMessageContaining("Scale of DECIMAL(5)");
    assertThatThrownBy(() -> TIMESTAMP(10)).hasMessageContaining("between 0 and 9");
    assertThatThrownBy(() -> VARCHAR(0)).hasMessageContaining("Length of VARCHAR");
    assertThatThrownBy(() -> TIME(-1)).hasMessageContaining("Precision of TIME");
    assertThatThrownBy(() -> NULL().copy(false)).hasMessageContaining("NULL");
  }

  @Test
  void rowTypeFindsFieldsByNameAndRejectsDuplicates() {
    RowType row = ROW(FIELD("id", BIGINT()), FIELD("name", STRING(), "the name"));
    assertThat(row.fieldIndex("name")).isEqualTo(1);
    assertThat(row.fieldIndex("missing")).isEqualTo(-1);
    assertThat(row.field("name")).get().extracting(RowType.RowField::description)
        .isEqualTo("the name");
    assertThat(row.fieldNames()).containsExactly("id", "name");
    assertThat(row.children()).containsExactly(BIGINT(), STRING());
    assertThatThrownBy(() -> ROW(FIELD("a", INT()), FIELD("a", STRING())))
        .hasMessageContaining("'a' appears twice");
  }

  @Test
  void typesCompareByValueIncludingNullability() {
    assertThat(DECIMAL(10, 2)).isEqualTo(DECIMAL(10, 2));
    assertThat(notNull(INT())).isNotEqualTo(INT());
    assertThat(notNull(INT()).copy(true)).isEqualTo(INT());
    assertThat(ROW(FIELD("a", ARRAY(INT())))).isEqualTo(ROW(FIELD("a", ARRAY(INT()))));
    assertThat(MULTISET(STRING()).asMapType()).isEqualTo(MAP(STRING(), notNull(INT())));
  }
}
