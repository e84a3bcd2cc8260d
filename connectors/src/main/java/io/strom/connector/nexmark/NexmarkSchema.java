package io.strom.connector.nexmark;

import static io.strom.types.DataTypes.BIGINT;
import static io.strom.types.DataTypes.FIELD;
import static io.strom.types.DataTypes.INT;
import static io.strom.types.DataTypes.ROW;
import static io.strom.types.DataTypes.STRING;
import static io.strom.types.DataTypes.TIMESTAMP;

import io.strom.connector.ConnectorException;
import io.strom.types.LogicalType;
import io.strom.types.RowType;
import java.util.ArrayList;
import java.util.List;

/**
 * The physical columns a {@code nexmark} table must declare, as in Nexmark's DDL: {@code
 * event_type} and one row column per kind of event. Types are checked by family (any string
 * length, any timestamp precision), names exactly.
 */
public final class NexmarkSchema {
  /** The expected physical row type. */
  public static final RowType PHYSICAL_TYPE = ROW(
      FIELD("event_type", INT()),
      FIELD("person", ROW(
          FIELD("id", BIGINT()),
          FIELD("name", STRING()),
          FIELD("emailAddress", STRING()),
          FIELD("creditCard", STRING()),
          FIELD("city", STRING()),
          FIELD("state", STRING()),
          FIELD("dateTime", TIMESTAMP(3)),
          FIELD("extra", STRING()))),
      FIELD("auction", ROW(
          FIELD("id", BIGINT()),
          FIELD("itemName", STRING()),
          FIELD("description", STRING()),
          FIELD("initialBid", BIGINT()),
          FIELD("reserve", BIGINT()),
          FIELD("dateTime", TIMESTAMP(3)),
          FIELD("expires", TIMESTAMP(3)),
          FIELD("seller", BIGINT()),
          FIELD("category", BIGINT()),
          FIELD("extra", STRING()))),
      FIELD("bid", ROW(
          FIELD("auction", BIGINT()),
          FIELD("bidder", BIGINT()),
          FIELD("price", BIGINT()),
          FIELD("channel", STRING()),
          FIELD("url", STRING()),
          FIELD("dateTime", TIMESTAMP(3)),
          FIELD("extra", STRING()))));

  private NexmarkSchema() {}

  /**
   * Checks a table's physical columns.
   *
   * @throws ConnectorException naming the first difference and the columns expected
   */
  public static void check(String table, RowType actual) {
    List<String> problems = new ArrayList<>();
    compare("", PHYSICAL_TYPE, actual, problems);
    if (!problems.isEmpty()) {
      throw new ConnectorException(
          "Table '" + table + "' does not have the columns of connector 'nexmark': "
              + String.join("; ", problems) + ". Declare the physical columns ("
              + columnList() + "); computed columns and a watermark may follow.");
    }
  }

  private static String columnList() {
    List<String> columns = new ArrayList<>();
    for (int i = 0; i < PHYSICAL_TYPE.fieldCount(); i++) {
      columns.add(PHYSICAL_TYPE.fieldNames().get(i) + " "
          + PHYSICAL_TYPE.typeAt(i).asSummaryString().replace("`", ""));
    }
    return String.join(", ", columns);
  }

  private static void compare(String path, RowType expected, RowType actual, List<String> out) {
    if (expected.fieldCount() != actual.fieldCount()) {
      out.add((path.isEmpty() ? "the table" : "'" + path + "'") + " has "
          + actual.fieldCount() + " physical columns, expected " + expected.fieldCount());
      return;
    }
    for (int i = 0; i < expected.fieldCount(); i++) {
      String name = expected.fieldNames().get(i);
      String actualName = actual.fieldNames().get(i);
      String at = path.isEmpty() ? name : path + "." + name;
      if (!name.equals(actualName)) {
        out.add("column " + (i + 1) + (path.isEmpty() ? "" : " of '" + path + "'") + " is '"
            + actualName + "', expected '" + name + "'");
        return;
      }
      LogicalType want = expected.typeAt(i);
      LogicalType got = actual.typeAt(i);
      if (want.root() != got.root()) {
        out.add("'" + at + "' is " + got.asSummaryString() + ", expected "
            + want.asSummaryString());
        return;
      }
      if (want instanceof RowType wantRow) {
        compare(at, wantRow, (RowType) got, out);
      }
    }
  }
}
