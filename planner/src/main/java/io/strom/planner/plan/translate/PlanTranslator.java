package io.strom.planner.plan.translate;

import io.strom.codegen.CalcCodeGenerator;
import io.strom.codegen.CorrelateCodeGenerator;
import io.strom.codegen.ProjectionCodeGenerator;
import io.strom.codegen.UnsupportedExpressionException;
import io.strom.codegen.agg.AggsHandlerCodeGenerator;
import io.strom.connector.ChangelogMode;
import io.strom.data.RowKind;
import io.strom.planner.plan.physical.ChangelogModes;
import io.strom.planner.plan.physical.StreamPhysicalCorrelate;
import io.strom.planner.plan.physical.StreamPhysicalExchange;
import io.strom.planner.plan.physical.StreamPhysicalExpand;
import io.strom.planner.plan.physical.StreamPhysicalGroupAggregate;
import io.strom.planner.plan.physical.StreamPhysicalJoin;
import io.strom.planner.plan.physical.StreamPhysicalIntervalJoin;
import io.strom.planner.plan.physical.StreamPhysicalWindowJoin;
import io.strom.runtime.operators.Operator;
import io.strom.data.Row;
import io.strom.runtime.sql.join.IntervalJoinOperator;
import io.strom.runtime.sql.join.WindowJoinOperator;
import io.strom.planner.plan.physical.StreamPhysicalLookupJoin;
import io.strom.planner.plan.physical.StreamPhysicalTemporalJoin;
import io.strom.runtime.sql.join.RowTimeField;
import io.strom.runtime.sql.join.TemporalJoinOperator;
import io.strom.planner.plan.physical.StreamPhysicalWindowAggregate;
import io.strom.planner.plan.physical.StreamPhysicalWindowTableFunction;
import io.strom.runtime.sql.window.ProcessingTimeWindowAggOperator;
import io.strom.runtime.sql.window.SessionWindowAggOperator;
import io.strom.runtime.sql.window.SlicingWindowAggOperator;
import io.strom.runtime.sql.window.WindowAggOperator;
import io.strom.runtime.sql.window.WindowSlices;
import io.strom.runtime.sql.window.WindowTableFunctionOperator;
import io.strom.runtime.generated.Projection;
import io.strom.runtime.sql.RowKeySelector;
import io.strom.runtime.sql.agg.GlobalGroupAggOperator;
import io.strom.runtime.sql.agg.GroupAggOperator;
import io.strom.runtime.sql.agg.LocalGroupAggOperator;
import io.strom.runtime.sql.agg.MiniBatch;
import io.strom.runtime.sql.agg.MiniBatchGroupAggOperator;
import io.strom.planner.config.MiniBatchConfig;
import io.strom.planner.plan.physical.StreamPhysicalGlobalGroupAggregate;
import io.strom.planner.plan.physical.StreamPhysicalLocalGroupAggregate;
import java.util.function.Function;
import io.strom.configuration.Configuration;
import io.strom.configuration.PipelineOptions;
import io.strom.connector.ConnectorException;
import io.strom.connector.FactoryUtil;
import io.strom.connector.ScanTableSource;
import io.strom.connector.SupportsProjectionPushDown;
import io.strom.connector.SupportsReadingMetadata;
import io.strom.connector.SupportsWatermarkPushDown;
import io.strom.connector.TableContext;
import io.strom.planner.ValidationException;
import io.strom.planner.calcite.PlannerTypes;
import io.strom.planner.calcite.SourceWatermark;
import io.strom.planner.calcite.SourceTableRef;
import io.strom.planner.catalog.CatalogTable;
import io.strom.planner.catalog.Column;
import io.strom.planner.config.TableConfigOptions;
import io.strom.planner.plan.physical.StreamPhysicalCalc;
import io.strom.planner.plan.physical.StreamPhysicalRel;
import io.strom.planner.plan.physical.StreamPhysicalTableSourceScan;
import io.strom.planner.plan.physical.StreamPhysicalUnion;
import io.strom.planner.plan.physical.StreamPhysicalValues;
import io.strom.planner.plan.physical.StreamPhysicalWatermarkAssigner;
import io.strom.runtime.generated.CalcFunction;
import io.strom.runtime.generated.CorrelateFunction;
import io.strom.runtime.generated.GeneratedClass;
import io.strom.runtime.sql.CalcOperator;
import io.strom.runtime.sql.ExpandOperator;
import io.strom.runtime.sql.CorrelateOperator;
import io.strom.runtime.sql.ChangelogNormalizeOperator;
import io.strom.runtime.sql.WatermarkAssignerOperator;
import io.strom.types.LogicalType;
import io.strom.types.RowType;
import io.strom.types.TimestampType;
import io.strom.types.LocalZonedTimestampType;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexProgramBuilder;
import io.strom.runtime.sql.join.StreamingJoinOperator;
import io.strom.runtime.sql.join.GeneratedJoinCondition;
import io.strom.runtime.sql.join.JoinCondition;
import io.strom.runtime.sql.ComputedKeySelector;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.core.JoinInfo;

/**
 * Turns a streaming physical plan into the nodes of a job: connectors' runtime sources, generated
 * calcs and watermark assigners. Connector errors surface as validation errors of the statement.
 */
public final class PlanTranslator {
  private final JobBuilder job;
  private final PlannerTypes types;
  private final Configuration settings;
  private final ClassLoader classLoader;
  private final Function<StreamPhysicalTableSourceScan, ScanTableSource> sources;
  private final Function<StreamPhysicalTableSourceScan, ChangelogMode> sourceModes;
  private ChangelogModes modes;
  private int generated;
  private OverAndRankTranslator overAndRank;
  private LookupJoinTranslator lookupJoins;
  /** The keys of the plan whose changes are {@link #subPlanKeysModes}, computed as needed. */
  private SubPlanKeys subPlanKeys;
  private ChangelogModes subPlanKeysModes;

  public PlanTranslator(
      JobBuilder job,
      PlannerTypes types,
      Configuration settings,
      ClassLoader classLoader,
      Function<StreamPhysicalTableSourceScan, ScanTableSource> sources) {
    this.job = job;
    this.types = types;
    this.settings = settings;
    this.classLoader = classLoader;
    this.sources = sources;
    this.sourceModes = scan -> sources.apply(scan).changelogMode();
  }

  /**
   * Translates a plan whose consumer takes the changes {@code modes} was inferred for (an upsert
   * sink needs no {@code -U}).
   */
  public JobBuilder.Output translate(StreamPhysicalRel root, ChangelogModes modes) {
    this.modes = modes;
    return translate(root);
  }

  /** Whether {@code node} emits updates as {@code +U} alone, its consumer upserting by key. */
  boolean dropsUpdateBefore(StreamPhysicalRel node) {
    return modes.dropsUpdateBefore(node);
  }

  /**
   * Translates {@code node} and its inputs, or, when sub-plan reuse is on and the job already
   * runs an equal sub-plan (see {@link SubPlanKeys}), returns that sub-plan's output: its
   * operators then feed every consumer.
   */
  public JobBuilder.Output translate(StreamPhysicalRel node) {
    if (modes == null) {
      modes = ChangelogModes.infer(node, sourceModes);
    }
    SubPlanKey key = reuseKey(node);
    if (key != null) {
      JobBuilder.Output shared = job.translated(key);
      if (shared != null) {
        return shared;
      }
    }
    JobBuilder.Output output = translateNode(node);
    if (key != null) {
      job.rememberTranslated(key, output);
    }
    return output;
  }

  /** The key under which {@code node} is shared, or null when sub-plan reuse is off for it. */
  private SubPlanKey reuseKey(StreamPhysicalRel node) {
    if (!settings.get(TableConfigOptions.REUSE_SUB_PLAN_ENABLED)) {
      return null;
    }
    if (subPlanKeys == null || subPlanKeysModes != modes) {
      subPlanKeys =
          new SubPlanKeys(modes, settings.get(TableConfigOptions.REUSE_SOURCE_ENABLED));
      subPlanKeysModes = modes;
    }
    return subPlanKeys.reusable(node);
  }

  private JobBuilder.Output translateNode(StreamPhysicalRel node) {
    if (node instanceof StreamPhysicalTableSourceScan scan) {
      return scan(scan);
    }
    if (node instanceof StreamPhysicalCalc calc) {
      JobBuilder.Output input = translate((StreamPhysicalRel) calc.getInput());
      RowType outputType = types.toRowType(calc.getRowType());
      GeneratedClass<CalcFunction> code =
          CalcCodeGenerator.generate(calc.getProgram(), input.type(), outputType, "Calc" + (++generated));
      return job.operator("Calc", new CalcOperator(code), input, outputType);
    }
    if (node instanceof StreamPhysicalExpand expand) {
      return expand(expand);
    }
    if (node instanceof StreamPhysicalWatermarkAssigner assigner) {
      return watermarkAssigner(assigner);
    }
    if (node instanceof StreamPhysicalUnion union) {
      // Branches may differ in type (INT and BIGINT); each is cast to the union's row type.
      RowType unionType = types.toRowType(union.getRowType());
      if (union.getInputs().stream().allMatch(ConstantRows::isConstant)) {
        return constantUnion(union, unionType);
      }
      JobBuilder.Output result = null;
      for (org.apache.calcite.rel.RelNode input : union.getInputs()) {
        JobBuilder.Output translated =
            castTo((StreamPhysicalRel) input, translate((StreamPhysicalRel) input), unionType, "UnionCast");
        result = result == null ? translated : result.union(translated);
      }
      return result;
    }
    if (node instanceof StreamPhysicalValues values) {
      return values(values);
    }
    if (node instanceof StreamPhysicalExchange exchange) {
      JobBuilder.Output input = translate((StreamPhysicalRel) exchange.getInput());
      return input.exchangedBy(
          new JobBuilder.Exchange(keySelector(exchange, input), exchange.isSingleton()));
    }
    if (node instanceof StreamPhysicalJoin join) {
      return join(join);
    }
    if (node instanceof StreamPhysicalIntervalJoin join) {
      return intervalJoin(join);
    }
    if (node instanceof StreamPhysicalWindowJoin join) {
      return windowJoin(join);
    }
    if (node instanceof StreamPhysicalTemporalJoin join) {
      return temporalJoin(join);
    }
    if (node instanceof StreamPhysicalLookupJoin lookup) {
      if (lookupJoins == null) {
        lookupJoins = new LookupJoinTranslator(this, job, types, this::configuredSource);
      }
      return lookupJoins.translate(lookup);
    }
    if (node instanceof StreamPhysicalGroupAggregate aggregate) {
      return groupAggregate(aggregate);
    }
    if (node instanceof StreamPhysicalLocalGroupAggregate local) {
      return localGroupAggregate(local);
    }
    if (node instanceof StreamPhysicalGlobalGroupAggregate global) {
      return globalGroupAggregate(global);
    }
    if (node instanceof StreamPhysicalWindowTableFunction function) {
      JobBuilder.Output input = translate((StreamPhysicalRel) function.getInput());
      LogicalType time = input.type().typeAt(function.timeIndex());
      return job.operator(
          "WindowTableFunction",
          new WindowTableFunctionOperator(
              function.window(), function.timeIndex(), timestampPrecision(time),
              function.isEventTime(), function.isSliced()),
          input,
          types.toRowType(function.getRowType()));
    }
    if (node instanceof StreamPhysicalWindowAggregate aggregate) {
      return windowAggregate(aggregate);
    }
    if (node instanceof StreamPhysicalCorrelate correlate) {
      return correlate(correlate);
    }
    if (OverAndRankTranslator.handles(node)) {
      if (overAndRank == null) {
        overAndRank = new OverAndRankTranslator(this, job, types, settings, sourceModes);
      }
      return overAndRank.translate(node);
    }
    throw new IllegalStateException("Bug: no translation for " + node.getRelTypeName());
  }

  /** The key of an exchange: its fields copied, or computed when they are cast to other types. */
  private io.strom.api.functions.KeySelector<io.strom.data.Row, io.strom.data.BinaryRow> keySelector(
      StreamPhysicalExchange exchange, JobBuilder.Output input) {
    int[] keys = exchange.keys();
    if (exchange.keyTypes() == null) {
      GeneratedClass<Projection> key =
          ProjectionCodeGenerator.generate(input.type(), keys, "Key" + (++generated));
      return new RowKeySelector(key);
    }
    RelDataType inputType = exchange.getInput().getRowType();
    RexBuilder rex = exchange.getCluster().getRexBuilder();
    RexProgramBuilder builder = new RexProgramBuilder(inputType, rex);
    for (int i = 0; i < keys.length; i++) {
      RexNode field =
          rex.makeInputRef(inputType.getFieldList().get(keys[i]).getType(), keys[i]);
      builder.addProject(rex.makeCast(exchange.keyTypes().get(i), field, true, false), "k" + i);
    }
    RexProgram program = builder.getProgram();
    RowType keyType = types.toRowType(program.getOutputRowType());
    return new ComputedKeySelector(
        CalcCodeGenerator.generate(program, input.type(), keyType, "Key" + (++generated)), keyType);
  }

  private JobBuilder.Output join(StreamPhysicalJoin join) {
    long ttl = settings.get(TableConfigOptions.STATE_TTL).toMillis();
    return joinOperator(
        "Join",
        join,
        (left, right) ->
            new StreamingJoinOperator(
                joinType(join), left.type(), right.type(), nonEquiCondition(join, join.info()),
                nullKeysNeverMatch(join, join.getCondition(), join.info()), ttl));
  }

  /** An interval join: its residual condition's keys and rest, and the time bounds. */
  private JobBuilder.Output intervalJoin(StreamPhysicalIntervalJoin join) {
    JoinInfo info = join.residualInfo();
    return joinOperator(
        "IntervalJoin",
        join,
        (left, right) ->
            new IntervalJoinOperator(
                joinType(join), join.bounds(), left.type(), right.type(),
                nonEquiCondition(join, info), nullKeysNeverMatch(join, join.residual(), info)));
  }

  /** A window join: keyed by all equality keys, window columns included. */
  private JobBuilder.Output windowJoin(StreamPhysicalWindowJoin join) {
    JoinInfo info = join.info();
    return joinOperator(
        "WindowJoin",
        join,
        (left, right) ->
            new WindowJoinOperator(
                joinType(join), left.type(), right.type(), join.leftWindow().end(),
                join.rightWindow().end(), nonEquiCondition(join, info),
                nullKeysNeverMatch(join, join.getCondition(), info)));
  }

  /** An event-time temporal join: the condition's keys and rest, and both sides' times. */
  private JobBuilder.Output temporalJoin(StreamPhysicalTemporalJoin join) {
    JoinInfo info = join.info();
    return joinOperator(
        "TemporalJoin",
        join,
        (left, right) ->
            new TemporalJoinOperator(
                join.getJoinType() == org.apache.calcite.rel.core.JoinRelType.LEFT,
                left.type(), right.type(),
                new RowTimeField(join.leftTimeIndex(),
                    timestampPrecision(left.type().typeAt(join.leftTimeIndex()))),
                new RowTimeField(join.rightTimeIndex(),
                    timestampPrecision(right.type().typeAt(join.rightTimeIndex()))),
                nonEquiCondition(join, info), nullKeysNeverMatch(join, join.getCondition(), info),
                settings.get(TableConfigOptions.STATE_TTL).toMillis()));
  }

  /**
   * Translates both inputs of a join node and joins them with the operator {@code operator}
   * makes from their outputs, giving the node's row type.
   */
  private JobBuilder.Output joinOperator(
      String name,
      org.apache.calcite.rel.core.Join join,
      java.util.function.BiFunction<JobBuilder.Output, JobBuilder.Output, Operator<Row>> operator) {
    JobBuilder.Output left = translate((StreamPhysicalRel) join.getLeft());
    JobBuilder.Output right = translate((StreamPhysicalRel) join.getRight());
    // Kind, keys and the rest of the condition: an outer side's state counts each row's matches
    // under the whole condition, so a changed condition changes what the counts mean.
    return job.twoInputOperator(
        name, operator.apply(left, right), left, right, types.toRowType(join.getRowType()),
        StateSignature.of((StreamPhysicalRel) join));
  }

  /** The part of a join's condition that is not its equality keys, as generated code. */
  private StreamingJoinOperator.JoinConditionFactory nonEquiCondition(
      org.apache.calcite.rel.core.Join join, JoinInfo info) {
    return nonEquiCondition(join.getCluster(), info.getRemaining(join.getCluster().getRexBuilder()),
        join.getLeft().getRowType(), join.getRight().getRowType());
  }

  /**
   * A condition over a pair of rows as generated code, always true when {@code condition} is
   * null or true.
   */
  StreamingJoinOperator.JoinConditionFactory nonEquiCondition(
      org.apache.calcite.plan.RelOptCluster cluster, RexNode condition, RelDataType leftType,
      RelDataType rightType) {
    if (condition == null || condition.isAlwaysTrue()) {
      return classLoader -> JoinCondition.ALWAYS;
    }
    // Both sides' fields as they are (an outer join's type makes one side nullable).
    RelDataType pairType =
        org.apache.calcite.sql.validate.SqlValidatorUtil.createJoinType(
            cluster.getTypeFactory(), leftType, rightType, null, List.of());
    RowType joinedType = types.toRowType(pairType);
    RexProgramBuilder builder = new RexProgramBuilder(pairType, cluster.getRexBuilder());
    builder.addCondition(condition);
    RexProgram program = builder.getProgram();
    return new GeneratedJoinCondition(
        CalcCodeGenerator.generate(program, joinedType, io.strom.types.DataTypes.ROW(),
            "JoinCondition" + (++generated)));
  }

  /** Per key of {@code condition}: true for {@code =} (NULL matches nothing), false for IS NOT DISTINCT FROM. */
  private static boolean[] nullKeysNeverMatch(
      org.apache.calcite.rel.core.Join join, RexNode condition, JoinInfo info) {
    boolean[] nullsNeverMatch = new boolean[info.leftKeys.size()];
    java.util.Arrays.fill(nullsNeverMatch, true);
    List<Boolean> filterNulls = new ArrayList<>();
    org.apache.calcite.plan.RelOptUtil.splitJoinCondition(
        join.getLeft(), join.getRight(), condition, new ArrayList<>(), new ArrayList<>(),
        filterNulls);
    for (int i = 0; i < nullsNeverMatch.length && i < filterNulls.size(); i++) {
      nullsNeverMatch[i] = filterNulls.get(i);
    }
    return nullsNeverMatch;
  }

  private static StreamingJoinOperator.Type joinType(org.apache.calcite.rel.core.Join join) {
    return switch (join.getJoinType()) {
      case INNER -> StreamingJoinOperator.Type.INNER;
      case LEFT -> StreamingJoinOperator.Type.LEFT;
      case RIGHT -> StreamingJoinOperator.Type.RIGHT;
      case FULL -> StreamingJoinOperator.Type.FULL;
      default -> throw new IllegalStateException("Bug: join type " + join.getJoinType());
    };
  }

  /** A lateral join with a table function or UNNEST: generated code calling it per row. */
  private JobBuilder.Output correlate(StreamPhysicalCorrelate correlate) {
    JobBuilder.Output input = translate((StreamPhysicalRel) correlate.getInput());
    GeneratedClass<CorrelateFunction> code;
    try {
      code = CorrelateCodeGenerator.generate(new CorrelateCodeGenerator.Spec(
          correlate.call(),
          types.toRowType(correlate.functionType()),
          correlate.program(),
          types.toRowType(correlate.joinedType()),
          correlate.joinType() == org.apache.calcite.rel.core.JoinRelType.LEFT,
          "Correlate" + (++generated)));
    } catch (UnsupportedExpressionException e) {
      throw new ValidationException(e.getMessage());
    }
    return job.operator("Correlate", new CorrelateOperator(code), input,
        types.toRowType(correlate.getRowType()));
  }

  private JobBuilder.Output windowAggregate(StreamPhysicalWindowAggregate aggregate) {
    StreamPhysicalRel inputPlan = (StreamPhysicalRel) aggregate.getInput();
    if (!modes.of(inputPlan).containsOnly(RowKind.INSERT)) {
      throw new ValidationException(
          "A window aggregation needs an insert-only input, but its input updates rows");
    }
    JobBuilder.Output input = translate(inputPlan);
    AggsHandlerCodeGenerator.Generated handler =
        aggsHandler(inputPlan, aggregate.grouping(), aggregate.calls(), false, "WindowAgg");
    if (aggregate.isSession()) {
      return sessionWindowAggregate(aggregate, input, handler);
    }
    if (aggregate.isSliced() && !aggregate.mergesSlices()) {
      return job.operator(
          "WindowAggregate",
          new ProcessingTimeWindowAggOperator(handler.handler(), handler.accumulatorType(),
              aggregate.window(), windowKeyLayout(aggregate)),
          input,
          types.toRowType(aggregate.getRowType()),
          StateSignature.of(aggregate, handler.accumulatorType()));
    }
    if (aggregate.isSliced()) {
      return job.operator(
          "WindowAggregate",
          new SlicingWindowAggOperator(
              handler.handler(), handler.accumulatorType(), new WindowSlices(aggregate.window()),
              aggregate.grouping()[aggregate.windowEndKeyIndex()], windowKeyLayout(aggregate),
              aggregate.isEventTime()),
          input,
          types.toRowType(aggregate.getRowType()),
          StateSignature.of(aggregate, handler.accumulatorType()));
    }
    return job.operator(
        "WindowAggregate",
        new WindowAggOperator(
            handler.handler(), handler.accumulatorType(), aggregate.windowEndKeyIndex(),
            aggregate.isEventTime()),
        input,
        types.toRowType(aggregate.getRowType()),
        StateSignature.of(aggregate, handler.accumulatorType()));
  }

  /**
   * A session window aggregation: keyed by the grouping columns besides the window's (the
   * exchange's keys), each row's time read from its own session's start.
   */
  private JobBuilder.Output sessionWindowAggregate(
      StreamPhysicalWindowAggregate aggregate,
      JobBuilder.Output input,
      AggsHandlerCodeGenerator.Generated handler) {
    int[] grouping = aggregate.grouping();
    int timeField = grouping[aggregate.windowStartKeyIndex()];
    return job.operator(
        "WindowAggregate",
        new SessionWindowAggOperator(
            handler.handler(), input.type(), timeField,
            timestampPrecision(input.type().typeAt(timeField)), aggregate.window().size(),
            windowKeyLayout(aggregate), aggregate.isEventTime()),
        input,
        types.toRowType(aggregate.getRowType()),
        StateSignature.of(aggregate, handler.accumulatorType()));
  }

  /**
   * Where a session or sliced window aggregation finds each grouping column: a field of its key
   * (the grouping columns besides the window's, in order) or one of the window's bounds.
   */
  private static int[] windowKeyLayout(StreamPhysicalWindowAggregate aggregate) {
    int[] layout = new int[aggregate.grouping().length];
    int keyField = 0;
    for (int k = 0; k < layout.length; k++) {
      if (k == aggregate.windowStartKeyIndex()) {
        layout[k] = SessionWindowAggOperator.windowStart();
      } else if (k == aggregate.windowEndKeyIndex()) {
        layout[k] = SessionWindowAggOperator.windowEnd();
      } else if (k == aggregate.windowTimeKeyIndex()) {
        layout[k] = SessionWindowAggOperator.windowTime();
      } else {
        layout[k] = keyField++;
      }
    }
    return layout;
  }

  private AggsHandlerCodeGenerator.Generated aggsHandler(
      StreamPhysicalRel input,
      int[] grouping,
      List<org.apache.calcite.rel.core.AggregateCall> calls,
      boolean retraction,
      String name) {
    try {
      return AggsHandlerCodeGenerator.generate(
          input.getRowType(), grouping, calls, retraction, name + (++generated));
    } catch (UnsupportedExpressionException e) {
      throw new ValidationException(e.getMessage());
    }
  }

  /** The precision of a TIMESTAMP or TIMESTAMP_LTZ type. */
  static int timestampPrecision(LogicalType type) {
    return type instanceof TimestampType t ? t.precision() : ((LocalZonedTimestampType) type).precision();
  }

  /** One generated projection per grouping set, all run by one operator. */
  private JobBuilder.Output expand(StreamPhysicalExpand expand) {
    StreamPhysicalRel inputPlan = (StreamPhysicalRel) expand.getInput();
    JobBuilder.Output input = translate(inputPlan);
    RowType outputType = types.toRowType(expand.getRowType());
    RexBuilder rex = expand.getCluster().getRexBuilder();
    List<GeneratedClass<CalcFunction>> projections = new ArrayList<>();
    for (List<RexNode> projection : expand.projections()) {
      RexProgram program = RexProgram.create(inputPlan.getRowType(), projection, null,
          expand.getRowType().getFieldNames(), rex);
      projections.add(CalcCodeGenerator.generate(
          program, input.type(), outputType, "Expand" + (++generated)));
    }
    return job.operator("Expand", new ExpandOperator(projections), input, outputType);
  }

  private JobBuilder.Output groupAggregate(StreamPhysicalGroupAggregate aggregate) {
    StreamPhysicalRel inputPlan = (StreamPhysicalRel) aggregate.getInput();
    boolean retraction = !modes.of(inputPlan).containsOnly(RowKind.INSERT);
    JobBuilder.Output input = translate(inputPlan);
    AggsHandlerCodeGenerator.Generated handler =
        aggsHandler(inputPlan, aggregate.grouping(), aggregate.calls(), retraction, "GroupAgg");
    long ttl = settings.get(TableConfigOptions.STATE_TTL).toMillis();
    boolean updateBefore = !modes.dropsUpdateBefore(aggregate);
    MiniBatch miniBatch = MiniBatchConfig.of(settings);
    return job.operator(
        "GroupAggregate",
        miniBatch == null
            ? new GroupAggOperator(handler.handler(), handler.accumulatorType(), updateBefore, ttl)
            : new MiniBatchGroupAggOperator(
                handler.handler(), handler.accumulatorType(), updateBefore, ttl, miniBatch),
        input,
        types.toRowType(aggregate.getRowType()),
        StateSignature.of(aggregate, handler.accumulatorType()));
  }

  /** The local phase: pre-aggregates each mini-batch per key, before the exchange. */
  private JobBuilder.Output localGroupAggregate(StreamPhysicalLocalGroupAggregate local) {
    StreamPhysicalRel inputPlan = (StreamPhysicalRel) local.getInput();
    JobBuilder.Output input = translate(inputPlan);
    AggsHandlerCodeGenerator.Generated handler =
        aggsHandler(inputPlan, local.grouping(), local.calls(), local.retraction(), "LocalGroupAgg");
    GeneratedClass<Projection> key =
        ProjectionCodeGenerator.generate(input.type(), local.grouping(), "Key" + (++generated));
    return job.operator(
        "LocalGroupAggregate",
        new LocalGroupAggOperator(handler.handler(), key, MiniBatchConfig.of(settings)),
        input,
        types.toRowType(local.getRowType()),
        StateSignature.of(local, handler.accumulatorType()));
  }

  /** The global phase: merges the partial accumulators of the local phases per key. */
  private JobBuilder.Output globalGroupAggregate(StreamPhysicalGlobalGroupAggregate global) {
    JobBuilder.Output input = translate((StreamPhysicalRel) global.getInput());
    AggsHandlerCodeGenerator.Generated handler;
    try {
      // The same functions over the same rows as the local phase, so the accumulators line up.
      handler = AggsHandlerCodeGenerator.generate(global.aggregatedType(), global.grouping(),
          global.calls(), global.retraction(), "GlobalGroupAgg" + (++generated));
    } catch (UnsupportedExpressionException e) {
      throw new ValidationException(e.getMessage());
    }
    long ttl = settings.get(TableConfigOptions.STATE_TTL).toMillis();
    return job.operator(
        "GlobalGroupAggregate",
        new GlobalGroupAggOperator(handler.handler(), handler.accumulatorType(), global.keyArity(),
            !modes.dropsUpdateBefore(global), ttl, MiniBatchConfig.of(settings)),
        input,
        types.toRowType(global.getRowType()),
        StateSignature.of(global, handler.accumulatorType()));
  }

  private JobBuilder.Output scan(StreamPhysicalTableSourceScan scan) {
    ScanTableSource source = configuredSource(scan);
    if (scan.source().watermark() != null) {
      return emitScan(scan, source, watermarksPerSplit(scan, source));
    }
    return emitScan(scan, source, io.strom.api.eventtime.WatermarkStrategy.noWatermarks());
  }

  /** The scan's connector source with the plan's projection, partitions and metadata applied. */
  private ScanTableSource configuredSource(StreamPhysicalTableSourceScan scan) {
    SourceTableRef ref = scan.source();
    CatalogTable table = ref.table();
    ScanTableSource source;
    try {
      source = sources.apply(scan);
      if (ref.projection() != null) {
        ((SupportsProjectionPushDown) source).applyProjection(ref.projection());
      }
      if (ref.nestedFields() != null) {
        ((io.strom.connector.SupportsNestedFieldPruning) source)
            .applyNestedFieldsRead(ref.nestedFields());
      }
      if (ref.partitions() != null) {
        ((io.strom.connector.SupportsPartitionPushDown) source).applyPartitions(ref.partitions());
      }
      if (ref.filters() != null) {
        ((io.strom.connector.SupportsFilterPushDown) source).applyFilters(ref.filters());
      }
      List<String> metadataKeys = new ArrayList<>();
      for (Column c : table.schema().columns()) {
        if (c instanceof Column.Metadata m) {
          metadataKeys.add(m.metadataKey());
        }
      }
      if (!metadataKeys.isEmpty()) {
        if (!(source instanceof SupportsReadingMetadata reading)) {
          throw new ValidationException(
              "Table '" + ref.identifier() + "' declares metadata columns, but connector '"
                  + table.options().get("connector") + "' offers no metadata");
        }
        for (String key : metadataKeys) {
          if (!reading.listReadableMetadata().containsKey(key)) {
            throw new ValidationException(
                "Connector '" + table.options().get("connector") + "' of table '" + ref.identifier()
                    + "' has no metadata '" + key + "'. It offers: "
                    + reading.listReadableMetadata().keySet());
          }
        }
        reading.applyReadableMetadata(metadataKeys);
      }
    } catch (ConnectorException e) {
      throw new ValidationException("Table '" + ref.identifier() + "': " + e.getMessage());
    }
    return source;
  }

  /** Adds the scan's source, its splits getting timestamps and watermarks from {@code watermarks}. */
  private JobBuilder.Output emitScan(
      StreamPhysicalTableSourceScan scan,
      ScanTableSource source,
      io.strom.api.eventtime.WatermarkStrategy<io.strom.data.Row> watermarks) {
    SourceTableRef ref = scan.source();
    CatalogTable table = ref.table();
    RowType type = types.toRowType(scan.getRowType());
    JobBuilder.Output output = source instanceof ProgramSource program
        ? program.produce(job)
        : job.source(
            ref.identifier().name() + "[" + source.summary() + "]", source.createRuntimeSource(), type,
            false, watermarks);
    return ChangelogModes.isUpsert(source.changelogMode())
        ? changelogNormalize(ref, table, output)
        : output;
  }

  /**
   * Turns an upsert source's rows into a full changelog: exchanged by the primary key, a keyed
   * operator keeps each key's last row and adds {@code -U} before-images and whole-row deletes.
   * Upsert sources take no projection, so the key columns are at their physical positions.
   */
  private JobBuilder.Output changelogNormalize(
      SourceTableRef ref, CatalogTable table, JobBuilder.Output scanned) {
    if (table.schema().primaryKey() == null || ref.projection() != null) {
      throw new ValidationException(
          "Table '" + ref.identifier() + "' produces upserts, which need a PRIMARY KEY (...) NOT"
              + " ENFORCED on the table");
    }
    RowType physical = table.schema().physicalRowType();
    int[] keyFields = table.schema().primaryKey().columns().stream()
        .mapToInt(physical::fieldIndex)
        .toArray();
    GeneratedClass<Projection> key =
        ProjectionCodeGenerator.generate(scanned.type(), keyFields, "UpsertKey" + (++generated));
    long ttl = settings.get(TableConfigOptions.STATE_TTL).toMillis();
    return job.operator(
        "ChangelogNormalize",
        new ChangelogNormalizeOperator(scanned.type(), ttl),
        scanned.exchangedBy(new JobBuilder.Exchange(new RowKeySelector(key), false)),
        scanned.type(),
        // Each key's last row, by the table's primary key: another key is another state.
        "key=" + java.util.Arrays.toString(keyFields));
  }

  /**
   * Materializes a query's changes per sink key before an upsert sink (see {@code
   * SinkUpsertMaterializeOperator}): exchanged by the key columns, a keyed operator keeps every
   * row per key and writes the latest.
   */
  public JobBuilder.Output upsertMaterialize(JobBuilder.Output output, int[] keyFields) {
    GeneratedClass<Projection> key =
        ProjectionCodeGenerator.generate(output.type(), keyFields, "SinkKey" + (++generated));
    long ttl = settings.get(TableConfigOptions.STATE_TTL).toMillis();
    return job.operator(
        "SinkMaterializer",
        new io.strom.runtime.sql.SinkUpsertMaterializeOperator(output.type(), ttl),
        output.exchangedBy(new JobBuilder.Exchange(new RowKeySelector(key), false)),
        output.type(),
        // The rows per sink key: another key is another state.
        "key=" + java.util.Arrays.toString(keyFields));
  }

  /** The rows of a VALUES clause, computed now, as one source. */
  private JobBuilder.Output values(StreamPhysicalValues values) {
    RowType type = types.toRowType(values.getRowType());
    List<io.strom.data.Row> rows = new ConstantRows(types, classLoader).rows(values);
    return job.source("Values", new io.strom.runtime.sql.ValuesSource(type, rows), type, true);
  }

  /**
   * A UNION ALL of constant rows (a VALUES clause with ARRAY, MAP or ROW constructors), computed
   * now as one source, so the rows come in the order listed, as in Flink.
   */
  private JobBuilder.Output constantUnion(StreamPhysicalUnion union, RowType unionType) {
    ConstantRows constants = new ConstantRows(types, classLoader);
    List<io.strom.data.Row> rows = new ArrayList<>();
    for (org.apache.calcite.rel.RelNode input : union.getInputs()) {
      rows.addAll(constants.rows(input, unionType));
    }
    return job.source("Values", new io.strom.runtime.sql.ValuesSource(unionType, rows), unionType, true);
  }

  /**
   * Casts the rows of {@code plan} (translated to {@code output}) to {@code target}'s column types
   * where they differ (nullability aside); returns {@code output} itself when none differ.
   */
  public JobBuilder.Output castTo(
      StreamPhysicalRel plan, JobBuilder.Output output, RowType target, String name) {
    return castTo(plan, output, target, CastPrograms.inOrder(target), name);
  }

  /**
   * Casts as {@link #castTo(StreamPhysicalRel, JobBuilder.Output, RowType, String)} does, field
   * {@code i} of the result taken from field {@code order[i]} of the plan's rows.
   */
  public JobBuilder.Output castTo(
      StreamPhysicalRel plan, JobBuilder.Output output, RowType target, int[] order, String name) {
    RexProgram program = CastPrograms.castProgram(plan, output.type(), target, order, types);
    if (program == null) {
      return output;
    }
    RowType castType = types.toRowType(program.getOutputRowType());
    return job.operator(
        "Cast",
        new CalcOperator(
            CalcCodeGenerator.generate(program, output.type(), castType, name + (++generated))),
        output,
        castType);
  }

  /** The connector context of a catalog table. */
  public TableContext context(String name, CatalogTable table) {
    List<String> key =
        table.schema().primaryKey() == null ? List.of() : table.schema().primaryKey().columns();
    return new TableContext(
        name,
        table.schema().physicalRowType(),
        table.options(),
        key,
        table.partitionKeys(),
        settings,
        classLoader);
  }

  private JobBuilder.Output watermarkAssigner(StreamPhysicalWatermarkAssigner assigner) {
    boolean sourceWatermark =
        assigner.watermarkExpression() instanceof org.apache.calcite.rex.RexCall call
            && call.getOperator() == io.strom.codegen.functions.FlinkFunctions.SOURCE_WATERMARK;
    JobBuilder.Output input = translate((StreamPhysicalRel) assigner.getInput());
    if (sourceWatermark) {
      // The source's own watermarks flow on; the rowtime column only becomes a time attribute.
      return new JobBuilder.Output(input.nodeIds(), types.toRowType(assigner.getRowType()), input.exchange());
    }
    GeneratedClass<CalcFunction> code = watermarkCode(assigner, input.type());
    int precision = timestampPrecision(input.type().fields().get(assigner.rowtimeIndex()).type());
    long interval = settings.get(PipelineOptions.AUTO_WATERMARK_INTERVAL).toMillis();
    long idle = settings.get(TableConfigOptions.SOURCE_IDLE_TIMEOUT).toMillis();
    return job.operator(
        "WatermarkAssigner",
        new WatermarkAssignerOperator(assigner.rowtimeIndex(), precision, code, interval, idle),
        input,
        types.toRowType(assigner.getRowType()));
  }

  /**
   * The strategy of a watermark pushed into a source that reads splits (Kafka partitions): each
   * split gets its own watermark and is idle after the table's {@code scan.watermark.idle-timeout},
   * else {@code table.exec.source.idle-timeout}, so a partition without records holds nothing back.
   */
  private io.strom.api.eventtime.WatermarkStrategy<io.strom.data.Row> watermarksPerSplit(
      StreamPhysicalTableSourceScan scan, ScanTableSource source) {
    SourceWatermark pushed = scan.source().watermark();
    RexBuilder rex = scan.getCluster().getRexBuilder();
    if (!(source instanceof SupportsWatermarkPushDown pushDown)) {
      throw new IllegalStateException(
          "Bug: a watermark was pushed into a source that cannot generate it: " + source.summary());
    }
    RowType inputType = types.toRowType(pushed.inputType());
    int precision = pushed.rowtime().getType().getPrecision();
    GeneratedClass<CalcFunction> watermark =
        expressionCode(rex, pushed.inputType(), inputType, pushed.watermark(), "Watermark");
    String zone = settings.get(TableConfigOptions.LOCAL_TIME_ZONE);
    io.strom.api.eventtime.WatermarkStrategy<io.strom.data.Row> strategy =
        pushed.rowtimeField() >= 0
            ? io.strom.runtime.sql.RowWatermarkStrategy.ofRowtimeField(
                pushed.rowtimeField(), precision, watermark, zone, settings.toMap())
            : io.strom.runtime.sql.RowWatermarkStrategy.ofRowtimeExpression(
                expressionCode(rex, pushed.inputType(), inputType, pushed.rowtime(), "Rowtime"),
                precision, watermark, zone, settings.toMap());
    java.time.Duration idle =
        pushDown.idleTimeout().orElse(settings.get(TableConfigOptions.SOURCE_IDLE_TIMEOUT));
    return idle.toMillis() > 0 ? strategy.withIdleness(idle) : strategy;
  }

  /** The generated code computing an assigner's watermark expression from its input row. */
  private GeneratedClass<CalcFunction> watermarkCode(
      StreamPhysicalWatermarkAssigner assigner, RowType inputType) {
    return expressionCode(assigner.getCluster().getRexBuilder(),
        assigner.getInput().getRowType(), inputType, assigner.watermarkExpression(), "Watermark");
  }

  /** Generated code computing a one-field row holding {@code expression} over an input row. */
  private GeneratedClass<CalcFunction> expressionCode(
      RexBuilder rex,
      org.apache.calcite.rel.type.RelDataType relInputType,
      RowType inputType,
      org.apache.calcite.rex.RexNode expression,
      String name) {
    RexProgramBuilder builder =
        new RexProgramBuilder(relInputType, rex);
    builder.addProject(expression, name.toLowerCase(java.util.Locale.ROOT));
    RexProgram program = builder.getProgram();
    return CalcCodeGenerator.generate(
        program, inputType, types.toRowType(program.getOutputRowType()), name + (++generated));
  }
}
