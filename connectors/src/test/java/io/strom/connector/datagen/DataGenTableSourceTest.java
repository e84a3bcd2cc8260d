package io.strom.connector.datagen;

import static io.strom.connector.ConnectorTesting.scan;
import static io.strom.connector.ConnectorTesting.source;
import static io.strom.types.DataTypes.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strom.api.eventtime.WatermarkStrategy;
import io.strom.connector.ConnectorException;
import io.strom.connector.ScanTableSource;
import io.strom.data.GenericConverter;
import io.strom.data.Row;
import io.strom.datastream.StreamExecutionEnvironment;
import io.strom.types.RowType;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DataGenTableSourceTest {

  private static Map<String, String> options(String... keyValues) {
    Map<String, String> map = new HashMap<>();
    map.put("connector", "datagen");
    map.put("rows-per-second", "0");
    for (int i = 0; i < keyValues.length; i += 2) {
      map.put(keyValues[i], keyValues[i + 1]);
    }
    return map;
  }

  private static List<Row> rows(ScanTableSource source, int parallelism) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
    return env.fromSource(source.createRuntimeSource(), WatermarkStrategy.noWatermarks(), "scan")
        .executeAndCollect();
  }

  @Test
  void numberOfRowsBoundsTheTable() throws Exception {
    ScanTableSource source = source(ROW(FIELD("x", INT())), options("number-of-rows", "137"));
    assertThat(source.isBounded()).isTrue();
    assertThat(rows(source, 2)).hasSize(137);
    assertThat(source.summary()).isEqualTo("datagen(rows-per-second=0, number-of-rows=137)");
  }

  /**
   * The rate limit holds over all readers together: 200 rows at 100 a second take about two
   * seconds however many readers share them. Only the lower bound is checked; a busy machine may
   * take longer, never less.
   */
  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void rowsPerSecondLimitsTheRateOfAllReadersTogether(int parallelism) throws Exception {
    ScanTableSource source = source(ROW(FIELD("x", INT())),
        options("number-of-rows", "200", "rows-per-second", "100"));
    long start = System.nanoTime();
    List<Row> rows = rows(source, parallelism);
    long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
    assertThat(rows).hasSize(200);
    assertThat(elapsedMillis).as("milliseconds to read 200 rows at 100 a second")
        .isGreaterThanOrEqualTo(1500);
  }

  @Test
  void withoutRowCountOrSequenceTheTableIsUnbounded() {
    assertThat(source(ROW(FIELD("x", INT())), options()).isBounded()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3})
  void sequenceIsSplitAcrossReadersWithoutOverlapOrGaps(int parallelism) throws Exception {
    ScanTableSource source = source(
        ROW(FIELD("id", BIGINT()), FIELD("s", STRING())),
        options("fields.id.kind", "sequence", "fields.id.start", "10", "fields.id.end", "1009",
            "fields.s.kind", "sequence", "fields.s.start", "1", "fields.s.end", "5000"));
    assertThat(source.isBounded()).isTrue();
    List<Row> rows = rows(source, parallelism);
    assertThat(rows.stream().map(r -> r.getLong(0)).toList())
        .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(10, 1009).boxed().toList());
    // The second sequence advances with the first: row i has id 10 + i and s "1 + i".
    assertThat(rows).allSatisfy(r ->
        assertThat(r.getString(1).toString()).isEqualTo(Long.toString(r.getLong(0) - 9)));
  }

  @Test
  void numberOfRowsCutsASequenceShort() throws Exception {
    ScanTableSource source = source(ROW(FIELD("id", INT())),
        options("number-of-rows", "5", "fields.id.kind", "sequence", "fields.id.start", "1",
            "fields.id.end", "100"));
    assertThat(scan(source, 1)).containsExactly("+I[1]", "+I[2]", "+I[3]", "+I[4]", "+I[5]");
  }

  @Test
  void randomNumbersStayInTheirRange() throws Exception {
    ScanTableSource source = source(
        ROW(FIELD("i", INT()), FIELD("d", DOUBLE()), FIELD("m", DECIMAL(5, 2)), FIELD("t", TINYINT())),
        options("number-of-rows", "500", "fields.i.min", "-3", "fields.i.max", "3",
            "fields.d.min", "0.5", "fields.d.max", "0.75", "fields.m.min", "10", "fields.m.max", "20",
            "fields.t.min", "100"));
    List<Row> rows = rows(source, 2);
    assertThat(rows).allSatisfy(r -> {
      assertThat(r.getInt(0)).isBetween(-3, 3);
      assertThat(r.getDouble(1)).isBetween(0.5, 0.75);
      assertThat(r.getDecimal(2, 5, 2).toBigDecimal().doubleValue()).isBetween(10.0, 20.0);
      assertThat(r.getByte(3)).isBetween((byte) 100, Byte.MAX_VALUE);
    });
    assertThat(rows.stream().map(r -> r.getInt(0)).distinct()).hasSize(7);
  }

  @Test
  void nullRateOfOneMakesOnlyNulls() throws Exception {
    ScanTableSource source = source(ROW(FIELD("a", STRING()), FIELD("b", INT())),
        options("number-of-rows", "50", "fields.a.null-rate", "1.0"));
    List<Row> rows = rows(source, 1);
    assertThat(rows).allSatisfy(r -> {
      assertThat(r.isNullAt(0)).isTrue();
      assertThat(r.isNullAt(1)).isFalse();
    });
  }

  @Test
  void lengthsOfStringsBytesAndCollectionsFollowTheOptions() throws Exception {
    ScanTableSource source = source(
        ROW(FIELD("s", STRING()), FIELD("c", CHAR(4)), FIELD("v", VARCHAR(10)), FIELD("b", BYTES()),
            FIELD("a", ARRAY(INT())), FIELD("m", MAP(STRING(), INT())), FIELD("vl", STRING())),
        options("number-of-rows", "20", "fields.s.length", "7", "fields.b.length", "5",
            "fields.a.length", "4", "fields.m.length", "2", "fields.vl.length", "6",
            "fields.vl.var-len", "true"));
    assertThat(rows(source, 1)).allSatisfy(r -> {
      assertThat(r.getString(0).numChars()).isEqualTo(7);
      assertThat(r.getString(1).numChars()).isEqualTo(4);
      assertThat(r.getString(2).numChars()).isEqualTo(10);
      assertThat(r.getBinary(3)).hasSize(5);
      assertThat(r.getArray(4).size()).isEqualTo(4);
      assertThat(r.getMap(5).size()).isBetween(1, 2);
      assertThat(r.getString(6).numChars()).isBetween(1, 6);
    });
  }

  @Test
  void generatesEveryType() throws Exception {
    RowType type = ROW(
        FIELD("bool", BOOLEAN()), FIELD("ti", TINYINT()), FIELD("si", SMALLINT()), FIELD("i", INT()),
        FIELD("bi", BIGINT()), FIELD("f", FLOAT()), FIELD("d", DOUBLE()), FIELD("dec", DECIMAL(10, 3)),
        FIELD("ch", CHAR(3)), FIELD("vc", VARCHAR(20)), FIELD("bin", BINARY(2)), FIELD("vb", VARBINARY(8)),
        FIELD("dt", DATE()), FIELD("tm", TIME()), FIELD("ts", TIMESTAMP(3)), FIELD("ltz", TIMESTAMP_LTZ(3)),
        FIELD("iym", INTERVAL_YEAR_TO_MONTH()), FIELD("ids", INTERVAL_DAY_TO_SECOND(3)),
        FIELD("arr", ARRAY(STRING())), FIELD("map", MAP(INT(), ROW(FIELD("x", DOUBLE())))),
        FIELD("ms", MULTISET(INT())), FIELD("nested", ROW(FIELD("a", INT()), FIELD("b", ARRAY(DATE())))));
    ScanTableSource source = source(type, options("number-of-rows", "10", "fields.dt.max-past", "10 d"));
    List<Row> rows = rows(source, 2);
    assertThat(rows).hasSize(10).allSatisfy(r -> {
      for (int i = 0; i < type.fieldCount(); i++) {
        assertThat(r.isNullAt(i)).as(type.fieldNames().get(i)).isFalse();
      }
      assertThat(LocalDate.ofEpochDay(r.getInt(12)))
          .isBetween(LocalDate.now().minusDays(11), LocalDate.now().plusDays(1));
      assertThat(r.getRow(21, 2).getArray(1).size()).isEqualTo(3);
      assertThat(GenericConverter.format(r, type)).startsWith("+I[");
    });
  }

  @Test
  void sequenceWithoutEndIsAMissingOption() {
    assertThatThrownBy(() -> source(ROW(FIELD("id", INT())),
            options("fields.id.kind", "sequence", "fields.id.start", "1")))
        .isInstanceOf(ConnectorException.class)
        .hasMessageStartingWith("Missing required options for connector 'datagen': fields.id.end");
  }

  @Test
  void optionsThatDoNotFitTheColumnAreRejected() {
    assertThatThrownBy(() -> source(ROW(FIELD("s", STRING())), options("fields.s.min", "1")))
        .hasMessageStartingWith("Option 'fields.s.min' does not apply to column 's' of type STRING");
    assertThatThrownBy(() -> source(ROW(FIELD("v", VARCHAR(5))), options("fields.v.length", "9")))
        .hasMessage("Invalid value '9' for option 'fields.v.length' of connector 'datagen': expected"
            + " a length from 0 to 5, the declared length of VARCHAR(5).");
    assertThatThrownBy(() -> source(ROW(FIELD("n", notNull(INT()))), options("fields.n.null-rate", "0.5")))
        .hasMessage("Column 'n' is NOT NULL, so 'fields.n.null-rate' must be 0.");
    assertThatThrownBy(() -> source(ROW(FIELD("t", TINYINT())), options("fields.t.max", "1000")))
        .hasMessageContaining("exceeds its type's range");
    assertThatThrownBy(() -> source(ROW(FIELD("d", DATE())), options("fields.d.kind", "sequence",
            "fields.d.start", "1", "fields.d.end", "2")))
        .hasMessageContaining("cannot be a sequence");
    assertThatThrownBy(() -> source(ROW(FIELD("i", INT())), options("fields.i.kind", "serial")))
        .hasMessage("Invalid value 'serial' for option 'fields.i.kind' of connector 'datagen':"
            + " expected one of 'random', 'sequence'.");
  }
}
