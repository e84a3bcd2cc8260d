package io.strom.planner.print;

import io.strom.data.Row;
import io.strom.types.RowType;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints a result as a boxed table, as Flink's SQL client does in its tableau mode (the shell and
 * {@code TableResult.print()} use it): a header, the rows with values right-aligned, and a count.
 */
public final class TableauPrinter {
  private TableauPrinter() {}

  /** Prints a finished result: an updating one as the table its changes leave behind. */
  public static void print(RowType schema, List<Row> rows, PrintWriter out) {
    int columns = schema.fields().size();
    if (rows.stream().anyMatch(row -> row.kind() != io.strom.data.RowKind.INSERT)) {
      // A finished updating query (an aggregation) shows the table its changes leave behind.
      rows = io.strom.planner.session.Changelogs.materialize(rows, schema);
    }
    if (rows.isEmpty()) {
      out.println("Empty set");
      return;
    }
    List<String[]> cells = new ArrayList<>();
    for (Row row : rows) {
      cells.add(RowCells.of(row, schema));
    }
    if (columns == 1 && cells.size() == 1 && cells.get(0)[0].contains("\n")) {
      // A single block of text (SHOW CREATE TABLE) reads best as it is.
      out.println(cells.get(0)[0]);
      return;
    }
    int[] widths = new int[columns];
    for (int i = 0; i < columns; i++) {
      widths[i] = schema.fields().get(i).name().length();
      for (String[] row : cells) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    String border = border(widths);
    out.println(border);
    String[] header = new String[columns];
    for (int i = 0; i < columns; i++) {
      header[i] = schema.fields().get(i).name();
    }
    out.println(line(header, widths));
    out.println(border);
    for (String[] row : cells) {
      out.println(line(row, widths));
    }
    out.println(border);
    out.println(cells.size() + (cells.size() == 1 ? " row in set" : " rows in set"));
  }

  /**
   * Prints a running query's rows as they come, each with its change kind, until the stream ends
   * or {@code stopped} says so; returns how many rows were shown.
   */
  public static long printStreaming(
      RowType schema,
      ResultRows stream,
      PrintWriter out,
      java.util.function.BooleanSupplier stopped)
      throws InterruptedException {
    int columns = schema.fields().size();
    int[] widths = new int[columns + 1];
    String[] header = new String[columns + 1];
    widths[0] = 2;
    header[0] = "op";
    for (int i = 0; i < columns; i++) {
      header[i + 1] = schema.fields().get(i).name();
      widths[i + 1] = Math.max(header[i + 1].length(), widthOf(schema.fields().get(i).type()));
    }
    String border = border(widths);
    out.println(border);
    out.println(line(header, widths));
    out.println(border);
    out.flush();
    long count = 0;
    while (!stopped.getAsBoolean()) {
      Row row = stream.poll(java.time.Duration.ofMillis(100));
      if (row == null) {
        if (stream.isFinished()) {
          break;
        }
        continue;
      }
      String[] values = new String[columns + 1];
      values[0] = row.kind().shortString();
      for (int i = 0; i < columns; i++) {
        values[i + 1] = RowCells.fit(RowCells.of(row, i, schema), widths[i + 1]);
      }
      out.println(line(values, widths));
      out.flush();
      count++;
    }
    out.println(border);
    return count;
  }

  /** A column width that fits most values of a type, so streamed rows line up. */
  public static int widthOf(io.strom.types.LogicalType type) {
    return switch (type.root()) {
      case BOOLEAN -> 7;
      case TINYINT, SMALLINT, INTEGER -> 11;
      case BIGINT -> 20;
      case FLOAT, DOUBLE -> 22;
      case DECIMAL -> ((io.strom.types.DecimalType) type).precision() + 2;
      case DATE -> 10;
      case TIMESTAMP_WITHOUT_TIME_ZONE, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> 23;
      default -> 30;
    };
  }

  private static String border(int[] widths) {
    StringBuilder b = new StringBuilder("+");
    for (int w : widths) {
      b.append("-".repeat(w + 2)).append('+');
    }
    return b.toString();
  }

  private static String line(String[] values, int[] widths) {
    StringBuilder b = new StringBuilder("|");
    for (int i = 0; i < values.length; i++) {
      b.append(' ').append(" ".repeat(widths[i] - values[i].length())).append(values[i]).append(" |");
    }
    return b.toString();
  }
}
