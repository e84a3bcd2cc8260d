package io.strom.planner.session;

import io.strom.configuration.Configuration;
import io.strom.connector.ChangelogMode;
import io.strom.connector.ConnectorException;
import io.strom.connector.FactoryUtil;
import io.strom.connector.ScanTableSource;
import io.strom.connector.SupportsProjectionPushDown;
import io.strom.connector.TableSink;
import io.strom.data.GenericRow;
import io.strom.data.Row;
import io.strom.data.RowKind;
import io.strom.datastream.sink.SinkOperator;
import io.strom.planner.ValidationException;
import io.strom.planner.calcite.PlannerContext;
import io.strom.planner.calcite.PlannerTypes;
import io.strom.planner.calcite.SourceTableRef;
import io.strom.planner.catalog.CatalogManager;
import io.strom.planner.catalog.CatalogTable;
import io.strom.planner.catalog.Column;
import io.strom.planner.catalog.FunctionCatalog;
import io.strom.planner.catalog.ObjectIdentifier;
import io.strom.planner.config.MiniBatchConfig;
import io.strom.planner.config.TableConfigOptions;
import io.strom.planner.operations.Operation;
import io.strom.planner.plan.PlanPrinter;
import io.strom.planner.plan.optimize.DeduplicateOverUpdates;
import io.strom.planner.plan.optimize.DistinctAggSplit;
import io.strom.planner.plan.optimize.FilterPushDown;
import io.strom.planner.plan.optimize.GeneratedCodeExecutor;
import io.strom.planner.plan.optimize.LogicalRewrites;
import io.strom.planner.plan.optimize.NestedFieldPruning;
import io.strom.planner.plan.optimize.PartitionPruning;
import io.strom.planner.plan.optimize.ProjectionPushDown;
import io.strom.planner.plan.optimize.TwoPhaseAggregation;
import io.strom.planner.plan.optimize.WatermarkPushDown;
import io.strom.planner.plan.physical.ChangelogModes;
import io.strom.planner.plan.physical.LookupTables;
import io.strom.planner.plan.physical.PhysicalConverter;
import io.strom.planner.plan.physical.StateDescription;
import io.strom.planner.plan.physical.StreamPhysicalRel;
import io.strom.planner.plan.physical.StreamPhysicalTableSourceScan;
import io.strom.planner.plan.physical.UpsertKeys;
import io.strom.planner.plan.physical.WindowSlicing;
import io.strom.planner.plan.translate.ImplicitCasts;
import io.strom.planner.plan.translate.JobBuilder;
import io.strom.planner.plan.translate.PlanTranslator;
import io.strom.planner.plan.translate.ProgramSource;
import io.strom.runtime.cluster.JobClient;
import io.strom.runtime.cluster.JobExecutionException;
import io.strom.runtime.cluster.JobExecutionResult;
import io.strom.runtime.cluster.MiniCluster;
import io.strom.runtime.graph.ExecutionPlanJson;
import io.strom.runtime.graph.JobGraphBuilder;
import io.strom.runtime.graph.StreamGraph;
import io.strom.runtime.sql.RowCollectSink;
import io.strom.runtime.sql.RowQueueSink;
import io.strom.runtime.sql.TableSinkOperator;
import io.strom.types.DataTypes;
import io.strom.types.LogicalType;
import io.strom.types.RowType;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlNode;

/**
 * Plans and runs queries and inserts of a session on its embedded cluster. A query over bounded
 * tables returns its rows; an insert over bounded tables runs to completion and reports the rows
 * written; an insert over an unbounded table keeps running and reports its job id.
 */
final class QueryExecutor implements AutoCloseable {
  private final CatalogManager catalogs;
  private final PlannerTypes types;
  private final FunctionCatalog functions;
  private final Configuration settings;
  private MiniCluster cluster;
  /** The cluster of a server that many sessions share; null when the session starts its own. */
  private final MiniCluster sharedCluster;
  /** Jobs this session submitted that still run: on a shared cluster it lists and stops only these. */
  private final java.util.Set<String> ownJobs = java.util.concurrent.ConcurrentHashMap.newKeySet();
  /** Streams handed out and not closed yet: the session closes them when it closes. */
  private final java.util.Set<RowStream> openStreams = java.util.concurrent.ConcurrentHashMap.newKeySet();

  QueryExecutor(
      CatalogManager catalogs, PlannerTypes types, FunctionCatalog functions, Configuration settings) {
    this(catalogs, types, functions, settings, null);
  }

  /** @param sharedCluster a cluster the session uses but does not own, or null to start its own */
  QueryExecutor(
      CatalogManager catalogs,
      PlannerTypes types,
      FunctionCatalog functions,
      Configuration settings,
      MiniCluster sharedCluster) {
    this.catalogs = catalogs;
    this.types = types;
    this.functions = functions;
    this.settings = settings;
    this.sharedCluster = sharedCluster;
  }

  /** A query planned down to its physical plan. */
  private record Planned(RelNode logical, StreamPhysicalRel physical) {}

  private Planned plan(SqlNode query) {
    PlannerContext context = new PlannerContext(catalogs, types, functions.operatorTable());
    RelNode logical = context.toRel(query).project();
    RelNode rewritten = LogicalRewrites.rewrite(logical, new GeneratedCodeExecutor(
        types, Thread.currentThread().getContextClassLoader(), sessionZone()));
    LookupTables.check(rewritten, this::source);
    StreamPhysicalRel physical =
        ProjectionPushDown.apply(PhysicalConverter.convertPlan(rewritten), this::acceptsProjection);
    physical = PartitionPruning.apply(physical, pruningContext());
    physical = FilterPushDown.apply(physical, new FilterPushDown.Context(this::projectedSource, types));
    // After filter push-down, which looks for the watermark assigner above the scan.
    physical = WatermarkPushDown.apply(physical, this::source);
    physical = DistinctAggSplit.apply(physical, settings);
    physical = TwoPhaseAggregation.apply(
        physical, settings, scan -> source(scan).changelogMode());
    physical = DeduplicateOverUpdates.apply(
        physical, scan -> source(scan).changelogMode());
    physical = WindowSlicing.apply(physical);
    // Last: it reads the final plan for the nested fields its operators use.
    physical = NestedFieldPruning.apply(physical, this::acceptsNestedFieldPruning);
    return new Planned(logical, physical);
  }

  private PartitionPruning.Context pruningContext() {
    return new PartitionPruning.Context(
        this::source, types, Thread.currentThread().getContextClassLoader(), sessionZone());
  }

  private ZoneId sessionZone() {
    String zone = settings.get(TableConfigOptions.LOCAL_TIME_ZONE);
    return zone.equals("default") ? ZoneId.systemDefault() : ZoneId.of(zone);
  }

  /** The changes every node of a plan emits, sources asked through their connectors. */
  private ChangelogModes changelogModes(StreamPhysicalRel plan) {
    return ChangelogModes.infer(plan, scan -> source(scan).changelogMode());
  }

  private CatalogTable table(ObjectIdentifier target) {
    return (CatalogTable)
        catalogs
            .resolve(List.of(target.catalog(), target.database(), target.name()))
            .orElseThrow(() -> new ValidationException("Table '" + target + "' does not exist"))
            .table();
  }

  private TableSink sink(ObjectIdentifier target, CatalogTable table) {
    try {
      return FactoryUtil.createTableSink(
          translator(new JobBuilder("probe", settings)).context(target.asSummaryString(), table));
    } catch (ConnectorException e) {
      throw new ValidationException("Table '" + target + "': " + e.getMessage());
    }
  }

  /**
   * The changes of a plan feeding a sink, and whether they are materialized per sink key first
   * (see {@link UpsertMaterialization}).
   */
  private record SinkChanges(ChangelogModes modes, boolean materialize) {
    /** What reaches the sink: a materializer writes inserts, upserts and deletes by key. */
    ChangelogMode reachingSink(StreamPhysicalRel plan) {
      return materialize
          ? ChangelogMode.of(RowKind.INSERT, RowKind.UPDATE_AFTER, RowKind.DELETE)
          : modes.of(plan);
    }
  }

  /**
   * The changes of {@code plan} when it feeds {@code sink}: an upsert sink replaces rows by key,
   * so when the query's upsert key lies within the table's primary key the query need not retract
   * old rows (-U) for it; otherwise its full changes go through a materializer keyed by the sink's
   * key.
   */
  private SinkChanges changelogModesFor(TableSink sink, CatalogTable table, StreamPhysicalRel plan) {
    ChangelogModes modes = changelogModes(plan);
    ChangelogMode produced = modes.of(plan);
    ChangelogMode accepted = sink.changelogMode(produced);
    if (UpsertMaterialization.needed(settings.get(TableConfigOptions.SINK_UPSERT_MATERIALIZE),
        table, produced, accepted, UpsertKeys.derive(plan).of(plan))) {
      return new SinkChanges(modes, true);
    }
    if (produced.contains(RowKind.UPDATE_BEFORE)
        && accepted.contains(RowKind.UPDATE_AFTER)
        && !accepted.contains(RowKind.UPDATE_BEFORE)) {
      modes = ChangelogModes.infer(plan, scan -> source(scan).changelogMode(), false);
    }
    return new SinkChanges(modes, false);
  }

  /**
   * Tables whose rows a program produces (DataStreams turned into tables), by identifier: their
   * scans take these instead of a connector's source.
   */
  private final java.util.Map<ObjectIdentifier, ProgramSource> programSources =
      new java.util.concurrent.ConcurrentHashMap<>();

  void registerProgramSource(ObjectIdentifier table, ProgramSource source) {
    programSources.put(table, source);
  }

  private ScanTableSource source(StreamPhysicalTableSourceScan scan) {
    return source(scan.source());
  }

  private ScanTableSource source(SourceTableRef table) {
    ProgramSource program = programSources.get(table.identifier());
    if (program != null) {
      return program.copy();
    }
    try {
      return FactoryUtil.createTableSource(
          translator(new JobBuilder("probe", settings))
              .context(table.identifier().asSummaryString(), table.table()));
    } catch (ConnectorException e) {
      throw new ValidationException("Table '" + table.identifier() + "': " + e.getMessage());
    }
  }

  /** A scan's source with the projection pushed into it applied, as filters are offered to it. */
  private ScanTableSource projectedSource(StreamPhysicalTableSourceScan scan) {
    ScanTableSource source = source(scan);
    if (scan.projection() != null) {
      ((SupportsProjectionPushDown) source).applyProjection(scan.projection());
    }
    return source;
  }

  /**
   * Whether a scan's connector can skip nested fields: not when it generates the watermark itself,
   * from fields the plan does not show, nor with metadata columns after the physical ones.
   */
  private boolean acceptsNestedFieldPruning(StreamPhysicalTableSourceScan scan) {
    return !hasMetadataColumns(scan) && scan.source().watermark() == null
        && source(scan) instanceof io.strom.connector.SupportsNestedFieldPruning;
  }

  /** Whether a scan's connector can read a subset of the physical fields. */
  private boolean acceptsProjection(StreamPhysicalTableSourceScan scan) {
    return !hasMetadataColumns(scan) && source(scan) instanceof SupportsProjectionPushDown;
  }

  private static boolean hasMetadataColumns(StreamPhysicalTableSourceScan scan) {
    return scan.source().table().schema().columns().stream()
        .anyMatch(c -> c instanceof Column.Metadata);
  }

  /**
   * The plans of a query, or of an INSERT when {@code into} is given: the logical and the optimized
   * physical plan, with each node's changes and state for CHANGELOG_MODE, and the job's operators
   * as JSON for JSON_EXECUTION_PLAN.
   */
  StatementResult explain(SqlNode statement, InsertInto into, Operation.Explain explain) {
    boolean insert = into != null;
    ObjectIdentifier target = insert ? into.target() : null;
    boolean changelogMode = explain.changelogMode();
    Planned planned = plan(statement);
    ChangelogModes modes = null;
    SinkChanges sinkChanges = null;
    StateDescription.Context state = null;
    String materializerState = "";
    if (changelogMode) {
      if (insert) {
        CatalogTable table = table(target);
        sinkChanges = changelogModesFor(sink(target, table), table, planned.physical());
        modes = sinkChanges.modes();
        state = stateContext(modes);
        if (sinkChanges.materialize()) {
          materializerState = ", state=[" + StateDescription.upsertMaterializer(
              table.schema().primaryKey().columns(), state) + "]";
        }
      } else {
        modes = changelogModes(planned.physical());
        state = stateContext(modes);
      }
    } else {
      // Some plans are refused only once their changes are known (an OVER ordered by other than
      // time over an insert-only input): EXPLAIN refuses them too.
      changelogModes(planned.physical());
    }
    String text =
        "== Abstract Syntax Tree ==\n"
            + RelOptUtil.toString(planned.logical())
            + "\n== Optimized Physical Plan ==\n"
            + (insert
                ? "Sink(table=[" + target + "]"
                    + (sinkChanges == null ? "" : ", changelogMode="
                        + sinkChanges.reachingSink(planned.physical())
                        + (sinkChanges.materialize() ? ", upsertMaterialize=[true]" : "")
                        + materializerState)
                    + ")\n+- "
                : "")
            + PlanPrinter.print(planned.physical(), modes,
                modes == null ? null : UpsertKeys.derive(planned.physical()), state)
                .replace("\n", insert ? "\n   " : "\n")
                .stripTrailing()
            + "\n"
            + (explain.jsonExecutionPlan()
                ? "\n== Physical Execution Plan ==\n" + ExecutionPlanJson.of(jobGraphOf(planned, into))
                    + "\n"
                : "");
    return StatementResult.table(
        DataTypes.ROW(DataTypes.FIELD("result", DataTypes.STRING().copy(false))),
        List.of(GenericRow.of(text)));
  }

  /** The program a query (with the sink that collects its rows) or an insert would run as. */
  private StreamGraph jobGraphOf(Planned planned, InsertInto into) {
    if (into != null) {
      JobBuilder job = new JobBuilder("insert-into_" + into.target(), settings);
      addInsert(job, into, sinkName(List.of(into), 0));
      return job.graph();
    }
    JobBuilder job = new JobBuilder("select", settings);
    JobBuilder.Output output = translator(job).translate(planned.physical());
    RowCollectSink collect = new RowCollectSink(output.type());
    job.sink("Collect", new SinkOperator<>(collect), output, 1);
    collect.discard();
    return job.graph();
  }

  /** What EXPLAIN needs besides the plan to say what each stateful node keeps. */
  private StateDescription.Context stateContext(ChangelogModes modes) {
    return new StateDescription.Context(
        modes,
        settings.get(TableConfigOptions.STATE_TTL),
        MiniBatchConfig.of(settings) != null,
        scan -> ChangelogModes.isUpsert(source(scan).changelogMode()));
  }

  /**
   * @param stream hand on rows as they come even when the query's tables are bounded
   */
  StatementResult query(SqlNode query, boolean stream) {
    Planned planned = plan(query);
    if (stream || !isBounded(planned.physical())) {
      return streamingQuery(planned);
    }
    JobBuilder job = new JobBuilder("select", settings);
    PlanTranslator translator = translator(job);
    JobBuilder.Output output = translator.translate(planned.physical());
    RowType type = resultType(planned);
    RowCollectSink collect = new RowCollectSink(output.type());
    job.sink("Collect", new SinkOperator<>(collect), output, 1);
    try {
      run(job);
      return StatementResult.table(type, collect.results());
    } finally {
      collect.discard();
    }
  }

  /**
   * One insert of a job: its target and its query, whether it overwrites, and the partition
   * values its PARTITION clause fixes (the query already has them in their columns).
   */
  record InsertInto(
      ObjectIdentifier target,
      SqlNode query,
      boolean overwrite,
      java.util.Map<String, String> staticPartition) {
    InsertInto(ObjectIdentifier target, SqlNode query) {
      this(target, query, false, java.util.Map.of());
    }
  }

  /** Rows a running query may have produced before the reader takes them. */
  private static final int STREAM_BUFFER = 1024;

  /** A query over unbounded tables: its job runs, and the result hands on rows as they come. */
  private StatementResult streamingQuery(Planned planned) {
    JobBuilder job = new JobBuilder("select", settings);
    JobBuilder.Output output = translator(job).translate(planned.physical());
    RowQueueSink rows = new RowQueueSink(output.type(), STREAM_BUFFER);
    job.sink("Collect", new SinkOperator<>(rows), output, 1);
    JobClient client;
    try {
      client = submit(job);
    } catch (RuntimeException e) {
      rows.discard();
      throw e;
    }
    RowStream stream = new RowStream(rows, client, openStreams::remove);
    openStreams.add(stream);
    return StatementResult.streaming(resultType(planned), stream);
  }

  StatementResult insert(ObjectIdentifier target, SqlNode query) {
    return insert(List.of(new InsertInto(target, query)));
  }

  StatementResult insert(InsertInto insert) {
    return insert(List.of(insert));
  }

  /**
   * Runs inserts as one job (a statement set): each query reads its tables once and writes its
   * table. Over bounded tables it waits and reports the rows written per table; otherwise it
   * reports the job id and the job keeps running.
   */
  StatementResult insert(List<InsertInto> inserts) {
    String name =
        "insert-into_"
            + inserts.stream().map(i -> i.target().toString()).collect(Collectors.joining(","));
    JobBuilder job = new JobBuilder(name, settings);
    boolean bounded = true;
    for (int i = 0; i < inserts.size(); i++) {
      bounded &= addInsert(job, inserts.get(i), sinkName(inserts, i));
    }
    if (!bounded) {
      JobClient client = submit(job);
      return message("Job ID", client.jobId());
    }
    JobExecutionResult result = run(job);
    if (inserts.size() == 1) {
      long rows = result.metricOf(sinkName(inserts, 0), TableSinkOperator.ROWS_WRITTEN);
      return message("rows written", Long.toString(rows));
    }
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < inserts.size(); i++) {
      long written = result.metricOf(sinkName(inserts, i), TableSinkOperator.ROWS_WRITTEN);
      rows.add(GenericRow.of(inserts.get(i).target().toString(), written));
    }
    return StatementResult.table(
        DataTypes.ROW(
            DataTypes.FIELD("table", DataTypes.STRING().copy(false)),
            DataTypes.FIELD("rows written", DataTypes.BIGINT().copy(false))),
        rows);
  }

  /**
   * Adds a query to a program's job (the table bridge's {@code toDataStream}): its rows, with their
   * type, come out of the returned output.
   *
   * @param insertOnly refuse queries that update or delete rows, naming where the changes come from
   */
  JobBuilder.Output translate(SqlNode query, JobBuilder job, boolean insertOnly) {
    Planned planned = plan(query);
    ChangelogModes modes = changelogModes(planned.physical());
    ChangelogMode produced = modes.of(planned.physical());
    if (insertOnly && !produced.containsOnly(RowKind.INSERT)) {
      throw new ValidationException(
          "toDataStream takes tables that only insert rows, but this one produces changes "
              + produced + originOfChanges(modes, planned.physical())
              + ". Use toChangelogStream for updating tables.");
    }
    return translator(job).translate(planned.physical(), modes);
  }

  /** {@code ", coming from <node>"}: the operator whose updates reach the plan's root, if known. */
  private static String originOfChanges(ChangelogModes modes, StreamPhysicalRel plan) {
    StreamPhysicalRel origin = modes.originOfChanges(plan);
    return origin == null
        ? ""
        : ", coming from " + PlanPrinter.print(origin).lines().findFirst().orElse(origin.planName());
  }

  /** The row type a query produces, for CREATE TABLE ... AS SELECT. */
  RowType queryType(SqlNode query) {
    return types.toRowType(plan(query).physical().getRowType());
  }

  /** The sink of insert {@code i}: named by its table, numbered when a set has several. */
  private static String sinkName(List<InsertInto> inserts, int i) {
    String name = "Sink: " + inserts.get(i).target();
    return inserts.size() == 1 ? name : name + " (" + (i + 1) + ")";
  }

  /** Adds an insert's query and sink to {@code job}; returns whether its tables are bounded. */
  private boolean addInsert(JobBuilder job, InsertInto insert, String sinkName) {
    ObjectIdentifier target = insert.target();
    CatalogTable table = table(target);
    RowType sinkType = table.schema().persistedRowType();
    Planned planned = plan(InsertValuesTyping.apply(insert.query(), sinkType));
    PlanTranslator translator = translator(job);
    TableSink sink = sink(target, table);
    boolean bounded = isBounded(planned.physical());
    SinkAbilities.apply(sink, insert, table, bounded);
    SinkChanges changes = changelogModesFor(sink, table, planned.physical());
    ChangelogModes modes = changes.modes();
    ChangelogMode produced = changes.reachingSink(planned.physical());
    ChangelogMode accepted = sink.changelogMode(produced);
    if (!accepted.containsAll(produced)) {
      throw new ValidationException(
          "Table '" + target + "' (connector '" + table.options().get("connector") + "') accepts"
              + " changes " + accepted + " but the query produces " + produced
              + originOfChanges(modes, planned.physical()));
    }
    JobBuilder.Output output = translator.translate(planned.physical(), modes);
    int[] order = SinkAbilities.sinkInputOrder(table);
    output = castTo(planned.physical(), output, sinkType, order, target, job);
    if (changes.materialize()) {
      output = translator.upsertMaterialize(
          output, UpsertMaterialization.keyPositions(UpsertMaterialization.sinkKey(table), order));
    }
    List<Integer> notNull = new ArrayList<>();
    List<String> notNullNames = new ArrayList<>();
    for (int i = 0; i < order.length; i++) {
      RowType.RowField column = sinkType.fields().get(order[i]);
      if (!column.type().nullable()) {
        notNull.add(i);
        notNullNames.add(column.name());
      }
    }
    job.sink(
        sinkName,
        new TableSinkOperator(
            sink.createRuntimeSink(),
            notNull.stream().mapToInt(Integer::intValue).toArray(),
            notNullNames.toArray(new String[0])),
        output,
        sink.parallelism());
    return bounded;
  }

  private static StatementResult message(String column, String value) {
    return StatementResult.table(
        DataTypes.ROW(DataTypes.FIELD(column, DataTypes.STRING().copy(false))),
        List.of(GenericRow.of(value)));
  }

  /**
   * Casts the query's columns to the sink's types where they differ, as an implicit conversion,
   * and puts them in the order the sink takes them ({@code order[i]} is the query column of sink
   * field {@code i}); a different number of columns is an error naming both.
   */
  private JobBuilder.Output castTo(
      StreamPhysicalRel plan,
      JobBuilder.Output output,
      RowType sinkType,
      int[] order,
      ObjectIdentifier target,
      JobBuilder job) {
    RelDataType queryType = plan.getRowType();
    if (queryType.getFieldCount() != sinkType.fields().size()) {
      throw new ValidationException(
          "Column types of the query and the sink '" + target + "' do not match: the query has "
              + queryType.getFieldCount() + " columns " + queryType.getFieldNames() + ", the sink "
              + sinkType.fields().size() + " " + sinkType.fieldNames());
    }
    for (int i = 0; i < sinkType.fields().size(); i++) {
      LogicalType from = output.type().fields().get(i).type();
      LogicalType to = sinkType.fields().get(i).type();
      if (!ImplicitCasts.isImplicit(from, to)) {
        throw new ValidationException(
            "Column types of the query and the sink '" + target + "' do not match: column '"
                + sinkType.fields().get(i).name() + "' (position " + (i + 1) + ") is "
                + to.asSummaryString() + " in the sink but " + from.asSummaryString()
                + " in the query. CAST it explicitly. Query: " + describe(output.type())
                + ", sink: " + describe(sinkType));
      }
    }
    List<RowType.RowField> reordered = new ArrayList<>();
    for (int column : order) {
      reordered.add(sinkType.fields().get(column));
    }
    return translator(job).castTo(plan, output, new RowType(reordered), order, "SinkCast");
  }

  private static String describe(RowType type) {
    return type.fields().stream()
        .map(f -> f.name() + " " + f.type().asSummaryString())
        .collect(Collectors.joining(", ", "[", "]"));
  }


  /**
   * The columns of a query's result: named as the query names them (rewrites may drop a projection
   * that only renames), typed as the physical plan produces them.
   */
  private RowType resultType(Planned planned) {
    RowType physical = types.toRowType(planned.physical().getRowType());
    return RowType.of(planned.logical().getRowType().getFieldNames(), physical.fieldTypes());
  }

  private PlanTranslator translator(JobBuilder job) {
    return new PlanTranslator(
        job,
        types,
        settings,
        Thread.currentThread().getContextClassLoader(),
        this::source);
  }

  private boolean isBounded(RelNode plan) {
    List<StreamPhysicalTableSourceScan> scans = new ArrayList<>();
    collectScans(plan, scans);
    return scans.stream().allMatch(scan -> source(scan).isBounded());
  }

  private static void collectScans(RelNode node, List<StreamPhysicalTableSourceScan> scans) {
    if (node instanceof StreamPhysicalTableSourceScan scan) {
      scans.add(scan);
    }
    for (RelNode input : node.getInputs()) {
      collectScans(input, scans);
    }
  }

  private JobClient submit(JobBuilder job) {
    try {
      JobClient client =
          cluster().submit(JobGraphBuilder.build(job.graph()), Thread.currentThread().getContextClassLoader());
      ownJobs.add(client.jobId());
      client.result().whenComplete((result, failure) -> ownJobs.remove(client.jobId()));
      return client;
    } catch (IllegalArgumentException | ConnectorException e) {
      throw new ValidationException(e.getMessage());
    } catch (Exception e) {
      throw new IllegalStateException("Could not submit the job: " + e.getMessage(), e);
    }
  }

  private JobExecutionResult run(JobBuilder job) {
    JobClient client = submit(job);
    try {
      return client.result().get();
    } catch (InterruptedException e) {
      // The caller gave up on the statement (Ctrl-C in the shell): the job ends before it returns.
      try {
        client.cancel().get(30, java.util.concurrent.TimeUnit.SECONDS);
      } catch (Exception cancelFailed) {
        e.addSuppressed(cancelFailed);
      }
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the job", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof JobExecutionException failure) {
        throw new JobFailedException(failure);
      }
      throw new IllegalStateException("The job failed: " + e.getCause(), e.getCause());
    }
  }

  /** The jobs of this session's cluster that are still running: id, name, status. */
  StatementResult jobs() {
    List<Row> rows = new ArrayList<>();
    if (cluster != null) {
      for (JobClient job : cluster.jobs()) {
        if (ownJobs.contains(job.jobId())) {
          rows.add(GenericRow.of(job.jobId(), job.jobName(), job.status().name()));
        }
      }
    }
    return StatementResult.table(
        DataTypes.ROW(
            DataTypes.FIELD("job id", DataTypes.STRING().copy(false)),
            DataTypes.FIELD("job name", DataTypes.STRING().copy(false)),
            DataTypes.FIELD("status", DataTypes.STRING().copy(false))),
        rows);
  }

  /** Cancels a running job of this session and waits until it has stopped. */
  void stopJob(String jobId) {
    JobClient job = runningJob(jobId);
    try {
      job.cancel().get(30, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      throw new IllegalStateException("Job '" + jobId + "' did not stop in time", e);
    }
  }

  /**
   * Takes a savepoint of a running job of this session, then stops it; with {@code drain}, event
   * time ends first so every window fires into the savepoint. Returns the savepoint's
   * path, from which {@code SET 'execution.state-recovery.path'} starts the query again.
   */
  StatementResult stopJobWithSavepoint(String jobId, boolean drain) {
    JobClient job = runningJob(jobId);
    try {
      String path = job.stopWithSavepoint(null, drain).get(5, java.util.concurrent.TimeUnit.MINUTES);
      return message("savepoint path", path);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while job '" + jobId + "' stopped", e);
    } catch (java.util.concurrent.ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new ValidationException(
          "Job '" + jobId + "' could not stop with a savepoint: " + cause.getMessage());
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException(
          "Job '" + jobId + "' did not take its savepoint within 5 minutes", e);
    }
  }

  private JobClient runningJob(String jobId) {
    if (cluster != null) {
      for (JobClient candidate : cluster.jobs()) {
        // Only this session's jobs: sessions of a gateway share one cluster.
        if (candidate.jobId().equals(jobId) && ownJobs.contains(jobId)) {
          return candidate;
        }
      }
    }
    throw new ValidationException(
        "No running job with id '" + jobId + "'; SHOW JOBS lists the running ones");
  }

  private synchronized MiniCluster cluster() {
    if (cluster == null) {
      cluster = sharedCluster != null ? sharedCluster : new MiniCluster(settings);
    }
    return cluster;
  }

  @Override
  public synchronized void close() throws Exception {
    for (RowStream stream : List.copyOf(openStreams)) {
      stream.close();
    }
    if (cluster != null && cluster != sharedCluster) {
      // A shared cluster belongs to the server; jobs that write tables keep running there, as
      // jobs a Flink SQL gateway session submitted outlive the session.
      cluster.close();
    }
    cluster = null;
  }
}
