package io.strom.planner.calcite;

import io.strom.codegen.types.TimeAttributeType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.prepare.Prepare;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql2rel.SqlRexConvertletTable;
import org.apache.calcite.sql2rel.SqlToRelConverter;

/**
 * Calcite's SQL-to-rel converter that gives each SELECT the column types {@link StromSqlValidator}
 * gave it: a column the validator turned from a time attribute into a plain timestamp (a GROUP BY
 * query's columns, OVER aggregates) is cast to it, so the plan no longer treats it as a time
 * attribute.
 */
final class StromSqlToRelConverter extends SqlToRelConverter {

  StromSqlToRelConverter(
      RelOptTable.ViewExpander viewExpander,
      SqlValidator validator,
      Prepare.CatalogReader catalogReader,
      RelOptCluster cluster,
      SqlRexConvertletTable convertletTable,
      Config config) {
    super(viewExpander, validator, catalogReader, cluster, convertletTable, config);
  }

  @Override
  protected void convertSelectImpl(Blackboard bb, Blackboard parent, SqlSelect select) {
    super.convertSelectImpl(bb, parent, select);
    RelDataType validated = validator.getValidatedNodeType(select);
    RelNode root = bb.root();
    if (root instanceof Sort sort) {
      // Below ORDER BY, whose sort the query's result keeps.
      bb.setRoot(sort.copy(sort.getTraitSet(), List.of(materialized(sort.getInput(), validated))), false);
    } else {
      bb.setRoot(materialized(root, validated), false);
    }
  }

  /** {@code root}, with a cast of each field the validator typed as a plain timestamp. */
  private RelNode materialized(RelNode root, RelDataType validated) {
    List<RexNode> fields = new ArrayList<>();
    boolean changed = false;
    for (int i = 0; i < root.getRowType().getFieldCount(); i++) {
      RelDataType type = root.getRowType().getFieldList().get(i).getType();
      RexNode field = rexBuilder.makeInputRef(root, i);
      if (type instanceof TimeAttributeType
          && i < validated.getFieldCount()
          && !(validated.getFieldList().get(i).getType() instanceof TimeAttributeType)) {
        field = rexBuilder.makeAbstractCast(StromSqlValidator.materialized(
            cluster.getTypeFactory(), type), field, false);
        changed = true;
      }
      fields.add(field);
    }
    return changed
        ? LogicalProject.create(root, List.of(), fields, root.getRowType().getFieldNames(), Set.of())
        : root;
  }
}
