package io.strom.planner.calcite;

import io.strom.planner.ValidationException;
import io.strom.planner.catalog.CatalogView;
import io.strom.planner.catalog.ResolvedTable;
import java.util.List;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * A view as a query sees it: its columns, expanding to the plan of its (expanded) query. Like a
 * table, a view may be joined {@code FOR SYSTEM_TIME AS OF} (a versioned view, as in Flink); the
 * planner decides whether its query can serve the join.
 */
final class ViewTable extends AbstractTable
    implements TranslatableTable, org.apache.calcite.schema.TemporalTable {
  private final ResolvedTable resolved;
  private final CatalogView view;
  private final PlannerContext context;

  ViewTable(ResolvedTable resolved, PlannerContext context) {
    this.resolved = resolved;
    this.view = (CatalogView) resolved.table();
    this.context = context;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    // The row itself is never NULL: a nullable record type would make every column nullable,
    // and the view's NOT NULL columns would no longer match the plan its query expands to.
    return context.types().toRelType(view.schema().rowType().copy(false));
  }

  @Override
  public RelNode toRel(RelOptTable.ToRelContext toRelContext, RelOptTable relOptTable) {
    try {
      RelNode rel = toRelContext
          .expandView(
              relOptTable.getRowType(),
              view.expandedQuery(),
              List.of(resolved.identifier().catalog(), resolved.identifier().database()),
              relOptTable.getQualifiedName())
          .rel;
      return withViewTypes(rel, relOptTable.getRowType());
    } catch (RuntimeException | AssertionError e) {
      // Calcite asserts that the query still gives the view's column types; tables under a view
      // may have changed or gone since it was created.
      throw new ValidationException(
          "View '" + resolved.identifier() + "' cannot be used: its query no longer fits its"
              + " tables or its columns (" + rootMessage(e) + "). Recreate the view.");
    }
  }

  /**
   * The view's plan typed as its columns. A column's stored type may differ from what its query
   * derives in ways that do not change its values: interval precisions ({@code INTERVAL DAY(6)}
   * for {@code INTERVAL DAY}) and how a ROW's fields are looked up. A cast makes the types agree.
   * Any other difference is left for Calcite to report, since the tables under the view changed.
   */
  private static RelNode withViewTypes(RelNode rel, RelDataType viewType) {
    RelDataType queryType = rel.getRowType();
    if (queryType.equals(viewType) || !sameValues(queryType, viewType)) {
      return rel;
    }
    return RelOptUtil.createCastRel(rel, viewType, true);
  }

  private static boolean sameValues(RelDataType query, RelDataType view) {
    if (query.equals(view)) {
      return true;
    }
    if (query.isNullable() != view.isNullable()
        || query.getSqlTypeName() != view.getSqlTypeName()) {
      return false;
    }
    if (SqlTypeUtil.isInterval(query)) {
      return true;
    }
    if (query.isStruct()) {
      if (query.getFieldCount() != view.getFieldCount()) {
        return false;
      }
      for (int i = 0; i < query.getFieldCount(); i++) {
        if (!sameValues(query.getFieldList().get(i).getType(), view.getFieldList().get(i).getType())) {
          return false;
        }
      }
      return true;
    }
    if (query.getComponentType() != null && view.getComponentType() != null) {
      return sameValues(query.getComponentType(), view.getComponentType());
    }
    if (query.getKeyType() != null && view.getKeyType() != null) {
      return sameValues(query.getKeyType(), view.getKeyType())
          && sameValues(query.getValueType(), view.getValueType());
    }
    return false;
  }

  /** Not columns: Calcite asks for them to validate {@code FOR SYSTEM_TIME AS OF}. */
  @Override
  public String getSysStartFieldName() {
    return "$sys_start";
  }

  @Override
  public String getSysEndFieldName() {
    return "$sys_end";
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.toString() : t.getMessage();
  }
}
