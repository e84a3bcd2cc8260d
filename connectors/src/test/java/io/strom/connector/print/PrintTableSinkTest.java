package io.strom.connector.print;

import static io.strom.connector.ConnectorTesting.sink;
import static io.strom.connector.ConnectorTesting.write;
import static io.strom.types.DataTypes.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.strom.connector.TableSink;
import io.strom.data.GenericRow;
import io.strom.data.RowKind;
import io.strom.types.RowType;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

@ResourceLock(Resources.SYSTEM_OUT)
class PrintTableSinkTest {
  private static final RowType TYPE = ROW(FIELD("id", INT()), FIELD("name", STRING()), FIELD("day", DATE()));

  private static GenericRow row(long i) {
    GenericRow row = GenericRow.of((int) i, i == 1 ? null : "n" + i, LocalDate.of(2024, 1, (int) i + 1));
    row.setKind(i == 2 ? RowKind.UPDATE_BEFORE : RowKind.INSERT);
    return row;
  }

  private static List<String> printed(Map<String, String> options, int parallelism, boolean stdErr)
      throws Exception {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PrintStream original = stdErr ? System.err : System.out;
    PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8);
    if (stdErr) {
      System.setErr(capture);
    } else {
      System.setOut(capture);
    }
    try {
      TableSink sink = sink(TYPE, options);
      write(sink, PrintTableSinkTest::row, 3, parallelism);
    } finally {
      if (stdErr) {
        System.setErr(original);
      } else {
        System.setOut(original);
      }
    }
    return buffer.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void printsChangelogRowsAsFlinkDoes() throws Exception {
    assertThat(printed(Map.of("connector", "print"), 1, false))
        .containsExactly("+I[0, n0, 2024-01-01]", "+I[1, null, 2024-01-02]", "-U[2, n2, 2024-01-03]");
  }

  @Test
  void identifierPrefixesEveryLine() throws Exception {
    assertThat(printed(Map.of("connector", "print", "print-identifier", "out"), 1, false))
        .containsExactly("out> +I[0, n0, 2024-01-01]", "out> +I[1, null, 2024-01-02]",
            "out> -U[2, n2, 2024-01-03]");
  }

  @Test
  void parallelWritersAddTheirNumberAndStandardErrorIsUsedWhenAsked() throws Exception {
    List<String> lines = printed(Map.of("connector", "print", "print-identifier", "out",
        "standard-error", "true"), 2, true);
    assertThat(lines).hasSize(3).allMatch(l -> l.matches("out:[12]> [+-][IU]\\[.*\\]"));
    assertThat(printed(Map.of("connector", "print"), 2, false))
        .hasSize(3).allMatch(l -> l.matches("[12]> [+-][IU]\\[.*\\]"));
  }

  @Test
  void linePrefixFollowsFlinksRules() {
    assertThat(RowPrintSink.linePrefix("", 0, 1)).isEmpty();
    assertThat(RowPrintSink.linePrefix("id", 0, 1)).isEqualTo("id> ");
    assertThat(RowPrintSink.linePrefix("id", 2, 4)).isEqualTo("id:3> ");
    assertThat(RowPrintSink.linePrefix("", 1, 2)).isEqualTo("2> ");
  }

  @Test
  void sinkParallelismIsOfferedToThePlanner() {
    assertThat(sink(TYPE, Map.of("connector", "print", "sink.parallelism", "3")).parallelism()).isEqualTo(3);
    assertThat(sink(TYPE, Map.of("connector", "print")).parallelism()).isNull();
    assertThat(sink(TYPE, Map.of("connector", "print", "print-identifier", "x")).summary())
        .isEqualTo("print(print-identifier=x)");
  }

  @Test
  void blackholeDropsEverything() throws Exception {
    assertThat(printed(Map.of("connector", "blackhole"), 2, false)).isEmpty();
  }
}
