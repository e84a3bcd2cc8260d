package io.strom.codegen;

import static io.strom.types.DataTypes.FIELD;
import static io.strom.types.DataTypes.INT;
import static org.assertj.core.api.Assertions.assertThat;

import io.strom.codegen.testing.TestRows;
import io.strom.data.BinaryRow;
import io.strom.data.GenericConverter;
import io.strom.data.GenericRow;
import io.strom.runtime.generated.Projection;
import io.strom.types.RowType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProjectionCodeGeneratorTest {

  @Test
  void extractsKeyFieldsOfEveryTypeIntoABinaryRow() {
    int[] fields = {9, 0, 1, 7, 15, 17, 19, 20, 21, 14, 23};
    Projection projection = ProjectionCodeGenerator.generate(TestRows.TYPE, fields, "key")
        .newInstance(getClass().getClassLoader());
    BinaryRow key = projection.apply(TestRows.row());
    List<RowType.RowField> keyFields = new ArrayList<>();
    for (int field : fields) {
      keyFields.add(TestRows.TYPE.fields().get(field));
    }
    assertThat(GenericConverter.format(key, new RowType(keyFields))).isEqualTo(
        "+I[Hello World, 42, null, 12.34, 2024-03-15T10:30:45.123, 2024-03-15T10:30:45.123,"
            + " [1, 2, 3], {a=1, b=2}, +I[7, x], 2024-03-15, [97, 98, 99]]");
  }

  @Test
  void equalKeysOfDifferentRowsAreEqualBinaryRows() {
    Projection projection = ProjectionCodeGenerator.generate(TestRows.TYPE, new int[] {9, 0}, "k")
        .newInstance(getClass().getClassLoader());
    BinaryRow first = projection.apply(TestRows.row()).copy();
    GenericRow other = TestRows.row();
    other.setDouble(5, 99.0);
    assertThat(projection.apply(other)).isEqualTo(first);
  }

  @Test
  void projectionOf500FieldsCompiles() {
    List<RowType.RowField> fields = new ArrayList<>();
    int[] positions = new int[500];
    GenericRow input = new GenericRow(500);
    for (int i = 0; i < 500; i++) {
      fields.add(FIELD("c" + i, INT()));
      positions[i] = 499 - i;
      input.setInt(i, i);
    }
    Projection projection =
        ProjectionCodeGenerator.generate(new RowType(fields), positions, "wide")
            .newInstance(getClass().getClassLoader());
    BinaryRow out = projection.apply(input);
    assertThat(out.getInt(0)).isEqualTo(499);
    assertThat(out.getInt(499)).isEqualTo(0);
  }
}
