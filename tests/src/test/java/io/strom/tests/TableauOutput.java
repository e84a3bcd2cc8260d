package io.strom.tests;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The tables a program printed with {@code TableResult.print()}: each a header and rows of
 * trimmed cells, the change kind first ({@code op}), in the order they were printed.
 */
record TableauOutput(List<Table> tables) {
  /** One printed table. */
  record Table(List<String> header, List<List<String>> rows) {}

  static TableauOutput parse(String printed) {
    List<Table> tables = new ArrayList<>();
    List<String> header = null;
    List<List<String>> rows = null;
    for (String line : printed.split("\n")) {
      if (!line.startsWith("|")) {
        continue;
      }
      List<String> cells = Arrays.stream(line.substring(1, line.lastIndexOf('|')).split("\\|"))
          .map(String::trim)
          .toList();
      if (cells.get(0).equals("op")) {
        header = cells;
        rows = new ArrayList<>();
        tables.add(new Table(header, rows));
      } else if (rows != null) {
        rows.add(cells);
      }
    }
    return new TableauOutput(tables);
  }
}
