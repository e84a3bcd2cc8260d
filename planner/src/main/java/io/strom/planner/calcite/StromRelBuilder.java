package io.strom.planner.calcite;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apache.calcite.plan.Context;
import org.apache.calcite.plan.Contexts;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptSchema;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.CorrelationId;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.validate.SqlValidatorUtil;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.tools.RelBuilderFactory;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The relational builder of SQL-to-rel conversion and of the rewrite rules that merge projections:
 * Calcite's, except that a projection is not merged into a projection below it when that would
 * evaluate a non-deterministic expression of the lower one more than once per row (see {@link
 * NonDeterministicInlining}). It stays on top of that one, which computes the value once.
 */
public final class StromRelBuilder extends RelBuilder {
  /** Builders over a cluster, with Calcite's logical nodes. */
  public static final RelBuilderFactory FACTORY =
      (cluster, schema) ->
          new StromRelBuilder(
              Contexts.chain(
                  Contexts.of(RelFactories.DEFAULT_STRUCT), cluster.getPlanner().getContext()),
              cluster,
              schema);

  private final Context context;
  /** How much more complex merged expressions may be than the ones merged, as in the builder. */
  private final int bloat;

  private StromRelBuilder(Context context, RelOptCluster cluster, @Nullable RelOptSchema schema) {
    super(context, cluster, schema);
    this.context = context;
    this.bloat = context.maybeUnwrap(Config.class).orElse(Config.DEFAULT).bloat();
  }

  @Override
  public RelBuilder transform(UnaryOperator<Config> transform) {
    Config config = context.maybeUnwrap(Config.class).orElse(Config.DEFAULT);
    return new StromRelBuilder(
        Contexts.chain(Contexts.of(transform.apply(config)), context), cluster, relOptSchema);
  }

  @Override
  public RelBuilder project(
      Iterable<? extends RexNode> nodes,
      Iterable<? extends @Nullable String> fieldNames,
      boolean force,
      Iterable<CorrelationId> variablesSet) {
    if (!variablesSet.iterator().hasNext()) {
      List<RexNode> expressions = new ArrayList<>();
      nodes.forEach(expressions::add);
      List<@Nullable String> names = new ArrayList<>();
      fieldNames.forEach(names::add);
      while (names.size() < expressions.size()) {
        names.add(null);
      }
      // Merge as Calcite's builder does, one projection below after the other, but stop above
      // the first one whose non-deterministic expressions would then be evaluated twice.
      RelNode input = peek();
      while (input instanceof Project below) {
        if (NonDeterministicInlining.repeats(expressions, below.getProjects())) {
          build();
          return push(projection(below, expressions, names));
        }
        List<RexNode> merged = RelOptUtil.pushPastProjectUnlessBloat(expressions, below, bloat);
        if (merged == null) {
          break; // Calcite's builder stops here too, and nothing below is read twice.
        }
        nameReadFields(expressions, names, below);
        expressions = merged;
        input = below.getInput();
      }
    }
    return super.project(nodes, fieldNames, force, variablesSet);
  }

  /** An unnamed column that only reads a field of {@code input} keeps that field's name. */
  private static void nameReadFields(
      List<RexNode> expressions, List<@Nullable String> names, RelNode input) {
    for (int i = 0; i < expressions.size(); i++) {
      if (names.get(i) == null && expressions.get(i) instanceof RexInputRef ref) {
        names.set(i, input.getRowType().getFieldNames().get(ref.getIndex()));
      }
    }
  }

  /** A projection of {@code input}, its other unnamed columns named as the builder names them. */
  private RelNode projection(
      RelNode input, List<RexNode> expressions, List<@Nullable String> names) {
    nameReadFields(expressions, names, input);
    RelDataType rowType =
        RexUtil.createStructType(
            getTypeFactory(), expressions, names, SqlValidatorUtil.F_SUGGESTER);
    return LogicalProject.create(input, List.of(), expressions, rowType, Set.of());
  }
}
