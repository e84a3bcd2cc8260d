package io.strom.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strom.codegen.types.StromTypeFactory;
import io.strom.data.GenericRow;
import io.strom.data.Row;
import io.strom.data.StringData;
import io.strom.runtime.generated.RecordComparator;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelFieldCollation.Direction;
import org.apache.calcite.rel.RelFieldCollation.NullDirection;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

class ComparatorCodeGeneratorTest {
  private static final StromTypeFactory TYPES = new StromTypeFactory();
  /** (name STRING, price BIGINT), both nullable. */
  private static final RelDataType TYPE = TYPES.builder()
      .add("name", TYPES.createTypeWithNullability(
          TYPES.createSqlType(SqlTypeName.VARCHAR, Integer.MAX_VALUE), true))
      .add("price", TYPES.createTypeWithNullability(TYPES.createSqlType(SqlTypeName.BIGINT), true))
      .build();

  private static Row row(String name, Long price) {
    GenericRow row = new GenericRow(2);
    if (name == null) {
      row.setNullAt(0);
    } else {
      row.setString(0, StringData.fromString(name));
    }
    if (price == null) {
      row.setNullAt(1);
    } else {
      row.setLong(1, price);
    }
    return row;
  }

  private static List<String> sorted(List<RelFieldCollation> keys, Row... rows) {
    RecordComparator comparator = ComparatorCodeGenerator.generate(TYPE, keys, "test")
        .newInstance(ComparatorCodeGeneratorTest.class.getClassLoader());
    List<Row> list = new ArrayList<>(List.of(rows));
    list.sort(comparator::compare);
    List<String> names = new ArrayList<>();
    for (Row r : list) {
      names.add((r.isNullAt(0) ? "null" : r.getString(0).toString()) + ":"
          + (r.isNullAt(1) ? "null" : String.valueOf(r.getLong(1))));
    }
    return names;
  }

  @Test
  void ordersByEachKeyInTurnWithItsDirection() {
    List<RelFieldCollation> keys = List.of(
        new RelFieldCollation(1, Direction.DESCENDING, NullDirection.LAST),
        new RelFieldCollation(0, Direction.ASCENDING, NullDirection.FIRST));
    assertThat(sorted(keys, row("b", 5L), row("a", 7L), row("c", 7L), row("a", 5L)))
        .containsExactly("a:7", "c:7", "a:5", "b:5");
  }

  @Test
  void putsNullsWhereTheCollationSaysWhateverTheDirection() {
    Row[] rows = {row("b", 5L), row("a", null), row("c", 7L)};
    assertThat(sorted(List.of(new RelFieldCollation(1, Direction.DESCENDING, NullDirection.LAST)),
        rows)).containsExactly("c:7", "b:5", "a:null");
    assertThat(sorted(List.of(new RelFieldCollation(1, Direction.DESCENDING, NullDirection.FIRST)),
        rows)).containsExactly("a:null", "c:7", "b:5");
    assertThat(sorted(List.of(new RelFieldCollation(1, Direction.ASCENDING, NullDirection.FIRST)),
        rows)).containsExactly("a:null", "b:5", "c:7");
  }

  @Test
  void refusesTypesWithoutAnOrder() {
    RelDataType mapType = TYPES.builder()
        .add("m", TYPES.createMapType(TYPES.createSqlType(SqlTypeName.INTEGER),
            TYPES.createSqlType(SqlTypeName.INTEGER)))
        .build();
    assertThatThrownBy(() -> ComparatorCodeGenerator.generate(
            mapType, List.of(new RelFieldCollation(0)), "map"))
        .isInstanceOf(UnsupportedExpressionException.class)
        .hasMessageContaining("Sorting by a column of type");
  }
}
