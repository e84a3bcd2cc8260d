package io.strom.planner.plan.translate;

import io.strom.api.functions.KeySelector;
import io.strom.codegen.CalcCodeGenerator;
import io.strom.connector.LookupTableSource;
import io.strom.connector.ScanTableSource;
import io.strom.data.BinaryRow;
import io.strom.data.Row;
import io.strom.planner.plan.physical.StreamPhysicalLookupJoin;
import io.strom.planner.plan.physical.StreamPhysicalRel;
import io.strom.planner.plan.physical.StreamPhysicalTableSourceScan;
import io.strom.runtime.generated.CalcFunction;
import io.strom.runtime.generated.GeneratedClass;
import io.strom.runtime.sql.ComputedKeySelector;
import io.strom.runtime.sql.lookup.LookupFunction;
import io.strom.runtime.sql.lookup.LookupJoinOperator;
import io.strom.planner.calcite.PlannerTypes;
import io.strom.types.RowType;
import java.util.List;
import java.util.function.Function;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgramBuilder;

/**
 * Translates a lookup join into a {@link LookupJoinOperator} chained after its probe side: the
 * table's {@link LookupFunction} (the connector's own, or a full cache of a bounded scan), and
 * generated code for the lookup key of a probe row and of a table row, both cast to the table
 * key fields' types so that equal values make equal binary keys.
 */
final class LookupJoinTranslator {
  private final PlanTranslator plans;
  private final JobBuilder job;
  private final PlannerTypes types;
  private final Function<StreamPhysicalTableSourceScan, ScanTableSource> sources;
  private int generated;

  /** @param sources the table's connector source with the plan's abilities applied */
  LookupJoinTranslator(
      PlanTranslator plans,
      JobBuilder job,
      PlannerTypes types,
      Function<StreamPhysicalTableSourceScan, ScanTableSource> sources) {
    this.plans = plans;
    this.job = job;
    this.types = types;
    this.sources = sources;
  }

  JobBuilder.Output translate(StreamPhysicalLookupJoin lookup) {
    JobBuilder.Output probe = plans.translate((StreamPhysicalRel) lookup.getInput());
    RelDataType lookedUp = lookup.lookedUpType();
    RexBuilder rex = lookup.getCluster().getRexBuilder();
    int[] tableKeys = lookup.tableKeys();
    List<RexNode> probeKeys = lookup.probeKeys();
    RexProgramBuilder probeKey = new RexProgramBuilder(lookup.getInput().getRowType(), rex);
    RexProgramBuilder rowKey = new RexProgramBuilder(lookedUp, rex);
    for (int i = 0; i < tableKeys.length; i++) {
      RelDataType type = lookup.getCluster().getTypeFactory().createTypeWithNullability(
          lookedUp.getFieldList().get(tableKeys[i]).getType(), true);
      probeKey.addProject(rex.makeCast(type, probeKeys.get(i), true, false), "k" + i);
      rowKey.addProject(
          rex.makeCast(type, rex.makeInputRef(lookedUp, tableKeys[i]), true, false), "k" + i);
    }
    RowType keyType = types.toRowType(probeKey.getProgram().getOutputRowType());
    String name = lookup.source().identifier().name();
    KeySelector<Row, BinaryRow> probeKeySelector = new ComputedKeySelector(
        CalcCodeGenerator.generate(probeKey.getProgram(), probe.type(), keyType,
            "LookupProbeKey" + (++generated)), keyType);
    KeySelector<Row, BinaryRow> rowKeySelector = new ComputedKeySelector(
        CalcCodeGenerator.generate(rowKey.getProgram(), types.toRowType(lookedUp), keyType,
            "LookupRowKey" + generated), keyType);
    LookupTableSource.Request request = new LookupTableSource.Request(
        lookup.source().identifier().toString(), tableKeys, tableCalc(lookup),
        types.toRowType(lookedUp), rowKeySelector);
    LookupFunction function = lookupFunction(lookup, request);
    return job.operator(
        "LookupJoin[" + name + "]",
        new LookupJoinOperator(function, probeKeySelector,
            plans.nonEquiCondition(lookup.getCluster(), lookup.residual(),
                lookup.getInput().getRowType(), lookedUp),
            lookup.joinType() == JoinRelType.LEFT, lookedUp.getFieldCount()),
        probe,
        types.toRowType(lookup.getRowType()));
  }

  /** The connector's lookup function, or a full cache of the table's bounded scan. */
  private LookupFunction lookupFunction(
      StreamPhysicalLookupJoin lookup, LookupTableSource.Request request) {
    ScanTableSource source = sources.apply(new StreamPhysicalTableSourceScan(
        lookup.getCluster(), lookup.getTraitSet(), lookup.table()));
    return source instanceof LookupTableSource lookupSource
        ? lookupSource.createLookupFunction(request)
        : LookupTableSource.fullCache(source, request);
  }

  /** The table's filter and projection as generated code, or null when it has none. */
  private GeneratedClass<CalcFunction> tableCalc(StreamPhysicalLookupJoin lookup) {
    if (lookup.tableCalc() == null) {
      return null;
    }
    return CalcCodeGenerator.generate(lookup.tableCalc(),
        types.toRowType(lookup.table().getRowType()), types.toRowType(lookup.lookedUpType()),
        "LookupTableCalc" + (++generated));
  }
}
