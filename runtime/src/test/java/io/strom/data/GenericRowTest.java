package io.strom.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GenericRowTest {

  @Test
  void printsAsFlinkPrintsChangelogRows() {
    assertThat(GenericRow.of("a", 1, null)).hasToString("+I[a, 1, null]");
    assertThat(GenericRow.ofKind(RowKind.UPDATE_BEFORE, "a", 1L)).hasToString("-U[a, 1]");
    assertThat(GenericRow.ofKind(RowKind.DELETE)).hasToString("-D[]");
  }

  @Test
  void printsJavaValuesInTheirFamiliarForm() {
    Map<String, Integer> map = new LinkedHashMap<>();
    map.put("k", 7);
    GenericRow row =
        GenericRow.of(
            new BigDecimal("1.50"),
            LocalDate.parse("2024-02-29"),
            LocalTime.parse("12:30:01"),
            LocalDateTime.parse("2024-01-01T10:00:00.5"),
            List.of(1, 2),
            map,
            new byte[] {1, 2},
            GenericRow.of(true, 2.5),
            1.0f);

    assertThat(row)
        .hasToString(
            "+I[1.50, 2024-02-29, 12:30:01, 2024-01-01T10:00:00.500, [1, 2], {k=7}, [1, 2], "
                + "+I[true, 2.5], 1.0]");
  }

  @Test
  void typedGettersReadWhatTypedSettersWrote() {
    GenericRow row = new GenericRow(8);
    row.setBoolean(0, true);
    row.setByte(1, (byte) -3);
    row.setShort(2, (short) 300);
    row.setInt(3, Integer.MIN_VALUE);
    row.setLong(4, Long.MAX_VALUE);
    row.setFloat(5, -1.5f);
    row.setDouble(6, Double.NaN);
    row.setString(7, StringData.fromString("x"));

    assertThat(row.getBoolean(0)).isTrue();
    assertThat(row.getByte(1)).isEqualTo((byte) -3);
    assertThat(row.getShort(2)).isEqualTo((short) 300);
    assertThat(row.getInt(3)).isEqualTo(Integer.MIN_VALUE);
    assertThat(row.getLong(4)).isEqualTo(Long.MAX_VALUE);
    assertThat(row.getFloat(5)).isEqualTo(-1.5f);
    assertThat(row.getDouble(6)).isNaN();
    assertThat(row.getString(7).toString()).isEqualTo("x");
    assertThat(row.isNullAt(7)).isFalse();
    row.setString(7, null);
    assertThat(row.isNullAt(7)).isTrue();
  }

  @Test
  void equalRowsBuiltDifferentlyAreEqualAndHashAlike() {
    GenericRow fromJava = GenericRow.of("a", 1, new byte[] {1}, List.of("x"), LocalDate.ofEpochDay(3));
    GenericRow bySetters = new GenericRow(5);
    bySetters.setString(0, StringData.fromString("a"));
    bySetters.setInt(1, 1);
    bySetters.setBinary(2, new byte[] {1});
    bySetters.setArray(3, GenericArray.of("x"));
    bySetters.setInt(4, 3);

    assertThat(fromJava).isEqualTo(bySetters).hasSameHashCodeAs(bySetters);
    bySetters.setKind(RowKind.UPDATE_AFTER);
    assertThat(fromJava).isNotEqualTo(bySetters);
  }

  @Test
  void shallowCopyHasItsOwnFields() {
    GenericRow row = GenericRow.of("a", 1);
    GenericRow copy = row.shallowCopy();
    copy.setInt(1, 2);

    assertThat(row.getInt(1)).isEqualTo(1);
    assertThat(copy).hasToString("+I[a, 2]");
  }

  @Test
  void rejectsJavaValuesWithoutSqlCounterpart() {
    assertThatThrownBy(() -> GenericRow.of(new Object()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.lang.Object has no SQL counterpart");
  }

  @Test
  void genericArraysReadPrimitiveAndBoxedElementsAlike() {
    GenericArray primitive = new GenericArray(new int[] {1, 2, 3});
    GenericArray boxed = new GenericArray(new Object[] {1, 2, 3});

    assertThat(primitive.getInt(2)).isEqualTo(boxed.getInt(2)).isEqualTo(3);
    assertThat(primitive).isEqualTo(boxed).hasSameHashCodeAs(boxed);
    assertThat(GenericArray.of(1, null)).hasToString("[1, null]");
    assertThat(GenericArray.of(1, null).isNullAt(1)).isTrue();
  }
}
