package io.strom.sql.client;

import io.strom.data.GenericConverter;
import io.strom.data.InternalValues;
import io.strom.data.Row;
import io.strom.planner.session.StatementResult;
import io.strom.types.RowType;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints a result as a boxed table, as Flink's SQL client does in its tableau mode: a header, the
 * rows with values right-aligned, and a count.
 */
final class TableauPrinter {
  private TableauPrinter() {}

  static void print(StatementResult result, PrintWriter out) {
    RowType schema = result.schema();
    int columns = schema.fields().size();
    if (result.rows().isEmpty()) {
      out.println("Empty set");
      return;
    }
    List<String[]> cells = new ArrayList<>();
    for (Row row : result.rows()) {
      String[] values = new String[columns];
      for (int i = 0; i < columns; i++) {
        values[i] =
            row.isNullAt(i)
                ? "<NULL>"
                : InternalValues.format(GenericConverter.get(row, i, schema.fields().get(i).type()));
      }
      cells.add(values);
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
