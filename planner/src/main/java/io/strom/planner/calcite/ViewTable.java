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
    // The row itself is never NULL: a nullable record type would make every column nullable,
    // and the view's NOT NULL columns would no longer match the plan its query expands to.
    return context.types().toRelType(view.schema().rowType().copy(false));
  }

  @Override
  public RelNode toRel(RelOptTable.ToRelContext toRelContext, RelOptTable relOptTable) {
    try {
      return toRelContext
          .expandView(
              relOptTable.getRowType(),
              view.expandedQuery(),
              List.of(resolved.identifier().catalog(), resolved.identifier().database()),
              relOptTable.getQualifiedName())
          .rel;
    } catch (RuntimeException | AssertionError e) {
      // Calcite asserts that the query still gives the view's column types; tables under a view
      // may have changed or gone since it was created.
      throw new ValidationException(
          "View '" + resolved.identifier() + "' cannot be used: its query no longer fits its"
              + " tables or its columns (" + rootMessage(e) + "). Recreate the view.");
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.toString() : t.getMessage();
  }
}
