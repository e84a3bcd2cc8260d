package io.strom.planner.calcite;

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
    return toRelContext
        .expandView(
            relOptTable.getRowType(),
            view.expandedQuery(),
            List.of(resolved.identifier().catalog(), resolved.identifier().database()),
            relOptTable.getQualifiedName())
        .rel;
  }
}
