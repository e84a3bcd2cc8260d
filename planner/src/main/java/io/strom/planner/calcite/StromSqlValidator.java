package io.strom.planner.calcite;

import io.strom.codegen.types.TimeAttributeType;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.validate.SqlValidatorCatalogReader;
import org.apache.calcite.sql.validate.SqlValidatorImpl;

/**
 * Calcite's validator with Flink's rule for time attributes through aggregations: the columns a
 * GROUP BY query produces (its keys, {@code MAX(ts)}, {@code LAST_VALUE(pt)}) and the results of
 * OVER aggregates are plain timestamps, never time attributes, since nothing ties their values to
 * the watermark or the wall clock any more. Only a window aggregation's {@code window_time} stays
 * one, so windows can follow windows. Typing this here keeps views, DESCRIBE and the window
 * functions' check of their time column in agreement; {@link StromSqlToRelConverter} gives the
 * plan the same types.
 */
final class StromSqlValidator extends SqlValidatorImpl {

  StromSqlValidator(
      SqlOperatorTable operators,
      SqlValidatorCatalogReader catalogReader,
      RelDataTypeFactory typeFactory,
      Config config) {
    super(operators, catalogReader, typeFactory, config);
  }

  @Override
  protected RelDataType validateSelectList(
      SqlNodeList selectItems, SqlSelect select, RelDataType targetRowType) {
    RelDataType rowType = super.validateSelectList(selectItems, select, targetRowType);
    List<SqlNode> expanded = getRawSelectScope(select).getExpandedSelectList();
    if (expanded == null || expanded.size() != rowType.getFieldCount()) {
      return rowType;
    }
    boolean aggregate = isAggregate(select);
    boolean windowAggregate = aggregate && isWindowAggregate(select);
    RelDataTypeFactory.Builder materialized = typeFactory.builder();
    boolean changed = false;
    for (int i = 0; i < rowType.getFieldCount(); i++) {
      RelDataTypeField field = rowType.getFieldList().get(i);
      RelDataType type = field.getType();
      SqlNode item = stripAs(expanded.get(i));
      // A GROUP BY query keeps only a window aggregation's window_time; any other query keeps
      // the attributes it passes on, not the OVER aggregates it computes.
      boolean keeps = aggregate
          ? windowAggregate && isWindowTime(item)
          : item.getKind() != SqlKind.OVER;
      if (type instanceof TimeAttributeType && !keeps) {
        type = materialized(typeFactory, type);
        changed = true;
      }
      materialized.add(field.getName(), type);
    }
    if (!changed) {
      return rowType;
    }
    return materialized.build();
  }

  /** A GROUP BY over a window table function's window_start and window_end. */
  private static boolean isWindowAggregate(SqlSelect select) {
    SqlNodeList group = select.getGroup();
    if (group == null) {
      return false;
    }
    boolean start = false;
    boolean end = false;
    for (SqlNode key : group) {
      String name = simpleName(key);
      start |= "window_start".equals(name);
      end |= "window_end".equals(name);
    }
    return start && end;
  }

  private static boolean isWindowTime(SqlNode item) {
    return "window_time".equals(simpleName(item));
  }

  private static String simpleName(SqlNode node) {
    return node instanceof SqlIdentifier id && !id.isStar()
        ? id.names.get(id.names.size() - 1).toLowerCase(Locale.ROOT)
        : null;
  }

  private static SqlNode stripAs(SqlNode item) {
    return item.getKind() == SqlKind.AS ? ((SqlCall) item).operand(0) : item;
  }

  /** The timestamp type of a time attribute, without the attribute. */
  static RelDataType materialized(RelDataTypeFactory factory, RelDataType type) {
    return factory.createTypeWithNullability(
        factory.createSqlType(type.getSqlTypeName(), type.getPrecision()), type.isNullable());
  }
}
