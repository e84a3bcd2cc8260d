package io.strom.planner.operations;

import io.strom.planner.ValidationException;
import io.strom.sql.parser.common.SqlKeyValue;
import io.strom.types.RowType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code INSERT INTO t PARTITION (dt = '2024-01-01') SELECT ...}: the PARTITION clause fixes
 * partition columns to literals, and the query gives the other columns (or the listed ones), in
 * order. As in Flink, the insert becomes a plain insert of all columns whose fixed columns are the
 * literals cast to their types, and the sink is told the static values.
 */
final class StaticPartition {
  private StaticPartition() {}

  /**
   * The static values by column, in the order of {@code PARTITIONED BY}, as the literals' text.
   *
   * @throws ValidationException when a key is no partition column, is given twice or is NULL
   */
  static Map<String, String> values(
      SqlNodeList spec, List<String> partitionKeys, String table) {
    if (partitionKeys.isEmpty()) {
      throw new ValidationException(spec.getParserPosition(),
          "Table '" + table + "' is not partitioned, so INSERT ... PARTITION (...) cannot write"
              + " into it; remove the PARTITION clause or declare the table PARTITIONED BY");
    }
    Map<String, String> given = new LinkedHashMap<>();
    for (SqlNode node : spec) {
      SqlKeyValue pair = (SqlKeyValue) node;
      String key = pair.keyString();
      if (!partitionKeys.contains(key)) {
        throw new ValidationException(pair.getParserPosition(),
            "'" + key + "' in the PARTITION clause is not a partition column of table '" + table
                + "'; its partition columns are " + partitionKeys);
      }
      if (given.containsKey(key)) {
        throw new ValidationException(pair.getParserPosition(),
            "Partition column '" + key + "' is given twice in the PARTITION clause");
      }
      Object value = pair.value() instanceof SqlLiteral literal ? literal.toValue() : null;
      if (value == null) {
        throw new ValidationException(pair.getParserPosition(),
            "The value of partition column '" + key + "' in the PARTITION clause cannot be NULL;"
                + " leave the column out of the clause and let the query give NULL");
      }
      given.put(key, value.toString());
    }
    Map<String, String> ordered = new LinkedHashMap<>();
    for (String key : partitionKeys) {
      if (given.containsKey(key)) {
        ordered.put(key, given.get(key));
      }
    }
    return ordered;
  }

  /**
   * The insert's query with all of the table's columns: the static ones as {@code CAST(literal AS
   * type)}, the others from the query, by position or as listed.
   */
  static SqlNode expand(
      SqlNodeList spec,
      SqlNodeList listed,
      RowType sinkType,
      SqlNode query,
      String table) {
    Map<String, SqlNode> fixed = new LinkedHashMap<>();
    for (SqlNode node : spec) {
      SqlKeyValue pair = (SqlKeyValue) node;
      fixed.put(pair.keyString(), cast(pair.value(), sinkType, pair.keyString()));
    }
    SqlNodeList columns = listed;
    if (columns == null || columns.size() == 0) {
      columns = new SqlNodeList(SqlParserPos.ZERO);
      for (String name : sinkType.fieldNames()) {
        if (!fixed.containsKey(name)) {
          columns.add(new SqlIdentifier(name, SqlParserPos.ZERO));
        }
      }
    }
    return InsertColumnList.expand(columns, sinkType, query, table, fixed);
  }

  private static SqlNode cast(SqlNode literal, RowType sinkType, String column) {
    SqlCall cast = (SqlCall) TypedNulls.of(sinkType.typeAt(sinkType.fieldIndex(column)));
    cast.setOperand(0, literal);
    return cast;
  }
}
