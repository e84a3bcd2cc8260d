package io.strom.planner.plan.physical;

import io.strom.planner.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Plans a join {@code FOR SYSTEM_TIME AS OF} a processing-time attribute as a lookup join, as
 * Flink does: the equalities between a field of the table and an expression of the probe side (or
 * a constant) become the lookup key; the rest of the condition is tested on each row found. The
 * table must be a scan, optionally under a filter and projection (a view, computed columns), which
 * the join applies to the rows it reads. That the table does not change while the query runs
 * (bounded and insert-only) is checked before, by {@link LookupTables}.
 */
final class LookupJoinConversion {
  private LookupJoinConversion() {}

  /** @param join the join the correlate stands for (see {@link LookupJoins#asJoin}) */
  static StreamPhysicalLookupJoin convert(LogicalJoin join, RelTraitSet traits) {
    StreamPhysicalRel probe = PhysicalConverter.convert(join.getLeft());
    StreamPhysicalRel tablePlan = PhysicalConverter.convert(join.getRight());
    RexProgram tableCalc = null;
    if (tablePlan instanceof StreamPhysicalCalc calc) {
      tableCalc = calc.getProgram();
      tablePlan = (StreamPhysicalRel) calc.getInput();
    }
    if (!(tablePlan instanceof StreamPhysicalTableSourceScan scan)) {
      throw new ValidationException("A join FOR SYSTEM_TIME AS OF a processing-time attribute looks"
          + " rows up in a table, optionally through a view that filters and projects it, but"
          + " here the looked-up side is a query with " + tablePlan.planName() + ". Join the"
          + " table itself and apply the rest of the query after the join");
    }
    RelOptTable table = scan.getTable();
    Keys keys = Keys.of(join, table);
    return new StreamPhysicalLookupJoin(join.getCluster(), traits, probe, table, tableCalc,
        keys.tableKeys(), keys.probeKeys(), keys.residual(), join.getJoinType(),
        join.getRowType());
  }

  /** The lookup key, field by field, and the rest of a join's condition. */
  private record Keys(int[] tableKeys, List<RexNode> probeKeys, RexNode residual) {

    static Keys of(LogicalJoin join, RelOptTable table) {
      int probeCount = join.getLeft().getRowType().getFieldCount();
      RexBuilder rex = join.getCluster().getRexBuilder();
      Map<Integer, RexNode> keys = new LinkedHashMap<>();
      List<RexNode> rest = new ArrayList<>();
      for (RexNode conjunct : RelOptUtil.conjunctions(join.getCondition())) {
        if (!addKey(conjunct, probeCount, keys)) {
          rest.add(conjunct);
        }
      }
      if (keys.isEmpty()) {
        throw new ValidationException("Temporal table join requires an equality condition on"
            + " fields of table [" + String.join(".", table.getQualifiedName()) + "]. Add one,"
            + " e.g. ON p.k = t.k, where t.k is a column of the table");
      }
      int[] tableKeys = new int[keys.size()];
      List<RexNode> probeKeys = new ArrayList<>();
      int i = 0;
      for (Map.Entry<Integer, RexNode> key : keys.entrySet()) {
        tableKeys[i++] = key.getKey() - probeCount;
        probeKeys.add(key.getValue());
      }
      RexNode residual = rest.isEmpty() ? null : RexUtil.composeConjunction(rex, rest);
      return new Keys(tableKeys, probeKeys, residual);
    }

    /**
     * Adds {@code conjunct} to {@code keys} when it equates a field of the table, not yet a key,
     * with an expression of the probe side's fields or a constant; false when it is no such key.
     */
    private static boolean addKey(RexNode conjunct, int probeCount, Map<Integer, RexNode> keys) {
      if (!(conjunct instanceof RexCall call) || call.getKind() != SqlKind.EQUALS) {
        return false;
      }
      for (int side = 0; side < 2; side++) {
        RexNode tableSide = call.getOperands().get(side);
        RexNode probeSide = call.getOperands().get(1 - side);
        if (tableSide instanceof RexInputRef ref
            && ref.getIndex() >= probeCount
            && !keys.containsKey(ref.getIndex())
            && onlyProbeFields(probeSide, probeCount)
            && sameType(ref, probeSide)) {
          keys.put(ref.getIndex(), probeSide);
          return true;
        }
      }
      return false;
    }

    private static boolean onlyProbeFields(RexNode expression, int probeCount) {
      ImmutableBitSet fields = RelOptUtil.InputFinder.bits(expression);
      return fields.length() <= probeCount
          && RexUtil.isDeterministic(expression)
          && !RexUtil.containsCorrelation(expression);
    }

    /**
     * Whether the probe side's value, cast to the table field's type, makes the same key as the
     * field's equal values: strings of any length do; other types must be the same (Calcite
     * casts one side of an INT = BIGINT comparison, which then stays in the residual condition).
     */
    private static boolean sameType(RexNode tableField, RexNode probe) {
      org.apache.calcite.rel.type.RelDataType a = tableField.getType();
      org.apache.calcite.rel.type.RelDataType b = probe.getType();
      if (org.apache.calcite.sql.type.SqlTypeUtil.inCharFamily(a)
          && org.apache.calcite.sql.type.SqlTypeUtil.inCharFamily(b)) {
        return true;
      }
      return a.getSqlTypeName() == b.getSqlTypeName()
          && a.getPrecision() == b.getPrecision()
          && a.getScale() == b.getScale();
    }
  }
}
