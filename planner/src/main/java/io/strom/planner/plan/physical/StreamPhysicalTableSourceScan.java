package io.strom.planner.plan.physical;

import io.strom.planner.calcite.SourceTableRef;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.TableScan;

/** Reads a table through its connector: the physical columns, then requested metadata columns. */
public final class StreamPhysicalTableSourceScan extends TableScan implements StreamPhysicalRel {

  public StreamPhysicalTableSourceScan(RelOptCluster cluster, RelTraitSet traits, RelOptTable table) {
    super(cluster, traits, List.of(), table);
  }

  public SourceTableRef source() {
    return getTable().unwrap(SourceTableRef.class);
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new StreamPhysicalTableSourceScan(getCluster(), traitSet, getTable());
  }

  @Override
  public String planName() {
    return "TableSourceScan";
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return pw.item("table", getTable().getQualifiedName())
        .item("fields", String.join(", ", getRowType().getFieldNames()));
  }
}
