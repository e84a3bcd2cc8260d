package io.strom.planner.plan.physical;

import static java.util.Objects.requireNonNull;

import io.strom.planner.calcite.SourceTableRef;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;

/**
 * A lookup join ({@code JOIN t FOR SYSTEM_TIME AS OF p.proc_time}), INNER or LEFT: each row of its
 * one input, the probe side, is joined when it arrives with the rows of table {@code t} whose
 * lookup key equals the row's, and never revised. The table is not an input: it is read by the
 * join itself (see {@code LookupJoinOperator}), so the probe side keeps its distribution, with no
 * exchange. Stateless; its output has the probe side's change kinds.
 */
public final class StreamPhysicalLookupJoin extends SingleRel implements StreamPhysicalRel {
  private final RelOptTable table;
  private final RexProgram tableCalc;
  private final int[] tableKeys;
  private final List<RexNode> probeKeys;
  private final RexNode residual;
  private final JoinRelType joinType;

  /**
   * @param probe the probe side
   * @param table the looked-up table as its connector reads it
   * @param tableCalc the filter and projection over the table's rows before they are looked up
   *     (a view's, computed columns), or null when they are looked up as read
   * @param tableKeys the fields of the looked-up rows that make the lookup key
   * @param probeKeys per key field, the value it must equal: an expression over the probe side's
   *     fields, or a constant
   * @param residual the rest of the join condition, over the probe's fields then the looked-up
   *     row's, or null
   * @param rowType the probe's fields then the looked-up row's
   */
  public StreamPhysicalLookupJoin(
      RelOptCluster cluster,
      RelTraitSet traits,
      RelNode probe,
      RelOptTable table,
      RexProgram tableCalc,
      int[] tableKeys,
      List<RexNode> probeKeys,
      RexNode residual,
      JoinRelType joinType,
      RelDataType rowType) {
    super(cluster, traits, probe);
    if (joinType != JoinRelType.INNER && joinType != JoinRelType.LEFT) {
      throw new IllegalArgumentException("Bug: a lookup join is INNER or LEFT, got " + joinType);
    }
    if (tableKeys.length == 0 || tableKeys.length != probeKeys.size()) {
      throw new IllegalArgumentException("Bug: a lookup join needs as many keys on both sides");
    }
    this.table = requireNonNull(table, "table");
    this.tableCalc = tableCalc;
    this.tableKeys = tableKeys.clone();
    this.probeKeys = List.copyOf(probeKeys);
    this.residual = residual;
    this.joinType = joinType;
    this.rowType = requireNonNull(rowType, "rowType");
  }

  /** The table as its connector reads it. */
  public RelOptTable table() {
    return table;
  }

  public SourceTableRef source() {
    return table.unwrap(SourceTableRef.class);
  }

  /** May be null: the table's rows are looked up as read. */
  public RexProgram tableCalc() {
    return tableCalc;
  }

  /** The type of the looked-up rows: the table's, after {@link #tableCalc()}. */
  public RelDataType lookedUpType() {
    return tableCalc == null ? table.getRowType() : tableCalc.getOutputRowType();
  }

  public int[] tableKeys() {
    return tableKeys.clone();
  }

  public List<RexNode> probeKeys() {
    return probeKeys;
  }

  /** May be null: the lookup keys are the whole condition. */
  public RexNode residual() {
    return residual;
  }

  public JoinRelType joinType() {
    return joinType;
  }

  /**
   * The table's part of the plan as a scan (under a calc), as the table would be planned alone:
   * for what only a plan shows, such as its upsert keys.
   */
  public StreamPhysicalRel tablePlan() {
    StreamPhysicalRel scan = new StreamPhysicalTableSourceScan(getCluster(), getTraitSet(), table);
    return tableCalc == null
        ? scan : new StreamPhysicalCalc(getCluster(), getTraitSet(), scan, tableCalc);
  }

  @Override
  protected RelDataType deriveRowType() {
    return rowType;
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new StreamPhysicalLookupJoin(getCluster(), traitSet, sole(inputs), table, tableCalc,
        tableKeys, probeKeys, residual, joinType, rowType);
  }

  @Override
  public String planName() {
    return "LookupJoin";
  }

  /** As Flink prints it: the table's filter as {@code where}, the residual as {@code joinCondition}. */
  @Override
  public RelWriter explainTerms(RelWriter pw) {
    List<String> probeNames = getInput().getRowType().getFieldNames();
    List<String> tableNames = lookedUpType().getFieldNames();
    List<String> lookup = new ArrayList<>();
    for (int i = 0; i < tableKeys.length; i++) {
      lookup.add(tableNames.get(tableKeys[i]) + "="
          + PlanText.withFieldNames(probeKeys.get(i).toString(), probeNames));
    }
    RexNode tableFilter = tableCalc == null || tableCalc.getCondition() == null
        ? null : tableCalc.expandLocalRef(tableCalc.getCondition());
    return pw.input("input", getInput())
        .item("table", String.join(".", table.getQualifiedName()))
        .item("joinType", StreamPhysicalJoin.joinTypeName(joinType))
        .item("lookup", String.join(", ", lookup))
        .itemIf("where", tableFilter == null ? "" : PlanText.withFieldNames(
            tableFilter.toString(), table.getRowType().getFieldNames()), tableFilter != null)
        .itemIf("joinCondition", residual == null ? "" : PlanText.withFieldNames(
            residual.toString(), getRowType().getFieldNames()), residual != null)
        .item("select", String.join(", ", getRowType().getFieldNames()));
  }
}
