package io.strom.planner.calcite;

import io.strom.planner.ValidationException;
import io.strom.planner.catalog.CatalogView;
import io.strom.planner.catalog.ResolvedTable;
import java.util.List;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;

/** A view as a query sees it: its columns, expanding to the plan of its (expanded) query. */
final class ViewTable extends AbstractTable implements TranslatableTable {
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
    return context.types().toRelType(view.schema().rowType());
  }

  @Override
  public RelNode toRel(RelOptTable.ToRelContext toRelContext, RelOptTable relOptTable) {
    try {
      RelNode expanded = toRelContext
          .expandView(
              relOptTable.getRowType(),
              view.expandedQuery(),
              List.of(resolved.identifier().catalog(), resolved.identifier().database()),
              relOptTable.getQualifiedName())
          .rel;
      RelDataType declared = relOptTable.getRowType();
      // The query may know more than the view's columns say (NOT NULL literals under a column
      // the catalog keeps as nullable); queries over the view see the view's types.
      return differsInNullabilityOnly(expanded.getRowType(), declared)
          ? org.apache.calcite.plan.RelOptUtil.createCastRel(expanded, declared, true)
          : expanded;
    } catch (RuntimeException | AssertionError e) {
      // Calcite asserts that the query still gives the view's column types; tables under a view
      // may have changed or gone since it was created.
      throw new ValidationException(
          "View '" + resolved.identifier() + "' cannot be used: its query no longer fits its"
              + " tables or its columns (" + rootMessage(e) + "). Recreate the view.");
    }
  }

  private static boolean differsInNullabilityOnly(RelDataType actual, RelDataType declared) {
    if (actual.equalsSansFieldNames(declared) || actual.getFieldCount() != declared.getFieldCount()) {
      return false;
    }
    for (int i = 0; i < actual.getFieldCount(); i++) {
      RelDataType a = actual.getFieldList().get(i).getType();
      RelDataType d = declared.getFieldList().get(i).getType();
      if (!a.getFullTypeString().replace(" NOT NULL", "").equals(d.getFullTypeString().replace(" NOT NULL", ""))) {
        return false;
      }
    }
    return true;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.toString() : t.getMessage();
  }
}
