package io.strom.planner.calcite;

import io.strom.planner.catalog.CatalogTable;
import io.strom.planner.catalog.Column;
import io.strom.planner.catalog.ResolvedTable;
import io.strom.planner.catalog.TableSchema;
import io.strom.planner.plan.logical.LogicalWatermarkAssigner;
import io.strom.types.LocalZonedTimestampType;
import io.strom.types.LogicalType;
import io.strom.types.TimestampKind;
import io.strom.types.TimestampType;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.prepare.RelOptTableImpl;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalTableScan;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * A catalog table as a query sees it: all its columns, with the rowtime column as an event-time
 * attribute. In a plan it expands, as in Flink, to a scan of what the connector produces (physical
 * then metadata columns), a projection that puts columns in declared order and computes the
 * computed ones, and a watermark assigner when the table declares a watermark.
 */
final class CatalogSourceTable extends AbstractTable
    implements TranslatableTable, org.apache.calcite.schema.TemporalTable {
  private final ResolvedTable resolved;
  private final CatalogTable table;
  private final PlannerContext context;

  CatalogSourceTable(ResolvedTable resolved, PlannerContext context) {
    this.resolved = resolved;
    this.table = (CatalogTable) resolved.table();
    this.context = context;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    PlannerTypes types = context.types();
    List<RelDataType> fieldTypes = new ArrayList<>();
    List<String> names = new ArrayList<>();
    TableSchema schema = table.schema();
    for (Column column : schema.columns()) {
      LogicalType type = column.type();
      if (schema.watermark() != null && schema.watermark().rowtimeColumn().equals(column.name())) {
        type = asRowtime(type);
      }
      fieldTypes.add(types.toRelType(type));
      names.add(column.name());
    }
    return typeFactory.createStructType(fieldTypes, names);
  }

  private static LogicalType asRowtime(LogicalType type) {
    if (type instanceof TimestampType t) {
      return t.withKind(TimestampKind.ROWTIME);
    }
    if (type instanceof LocalZonedTimestampType t) {
      return t.withKind(TimestampKind.ROWTIME);
    }
    return type;
  }

  @Override
  public RelNode toRel(RelOptTable.ToRelContext toRelContext, RelOptTable relOptTable) {
    TableSchema schema = table.schema();
    PlannerTypes types = context.types();
    RelDataTypeFactory factory = types.factory();

    List<Column> produced = new ArrayList<>();
    for (Column c : schema.columns()) {
      if (c instanceof Column.Physical) {
        produced.add(c);
      }
    }
    for (Column c : schema.columns()) {
      if (c instanceof Column.Metadata) {
        produced.add(c);
      }
    }
    List<RelDataType> producedTypes = new ArrayList<>();
    List<String> producedNames = new ArrayList<>();
    for (Column c : produced) {
      producedTypes.add(types.toRelType(c.type()));
      producedNames.add(c.name());
    }
    RelDataType producedType = factory.createStructType(producedTypes, producedNames);
    RelOptTable scanTable =
        RelOptTableImpl.create(
            relOptTable.getRelOptSchema(),
            producedType,
            relOptTable.getQualifiedName(),
            new SourceTableRef(resolved.identifier(), table, producedType),
            (org.apache.calcite.linq4j.tree.Expression) null);
    RelNode scan = LogicalTableScan.create(toRelContext.getCluster(), scanTable, toRelContext.getTableHints());

    RexBuilder rex = toRelContext.getCluster().getRexBuilder();
    List<RexNode> projects = new ArrayList<>();
    List<String> names = new ArrayList<>();
    boolean identity = produced.size() == schema.columns().size();
    for (int i = 0; i < schema.columns().size(); i++) {
      Column column = schema.columns().get(i);
      if (column instanceof Column.Computed computed) {
        projects.add(context.toRex(computed.expression(), scan.getRowType()));
      } else {
        int index = produced.indexOf(column);
        identity &= index == i;
        projects.add(rex.makeInputRef(scan, index));
      }
      names.add(column.name());
    }
    RelNode result =
        identity ? scan : LogicalProject.create(scan, List.of(), projects, names, java.util.Set.of());
    if (schema.watermark() != null) {
      int rowtime = schema.columnNames().indexOf(schema.watermark().rowtimeColumn());
      RexNode watermark = context.toRex(schema.watermark().expression(), result.getRowType());
      result = LogicalWatermarkAssigner.create(result, rowtime, watermark);
    }
    return result;
  }

  /**
   * Any table may be joined {@code FOR SYSTEM_TIME AS OF} a processing-time attribute (a lookup
   * join); the planner decides whether the table can serve one. These names are not columns.
   */
  @Override
  public String getSysStartFieldName() {
    return "$sys_start";
  }

  @Override
  public String getSysEndFieldName() {
    return "$sys_end";
  }
}
