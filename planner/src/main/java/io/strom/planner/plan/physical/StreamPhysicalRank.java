package io.strom.planner.plan.physical;

import io.strom.runtime.sql.rank.RankRange;
import io.strom.runtime.sql.rank.RankType;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.type.RelDataType;

/**
 * Top-N per partition ({@code ROW_NUMBER()}, {@code RANK()} or {@code DENSE_RANK() OVER (PARTITION
 * BY .. ORDER BY ..)} filtered to a range of numbers): an updating result that follows which rows
 * hold the best ranks. Its input is exchanged by the partition columns; its rows are the input's,
 * plus the number when shown.
 */
public final class StreamPhysicalRank extends SingleRel implements StreamPhysicalRel {
  private final int[] partitionKeys;
  private final List<RelFieldCollation> orderKeys;
  private final RankRange range;
  private final RankType rankType;

  /** A ROW_NUMBER Top-N. */
  public StreamPhysicalRank(RelOptCluster cluster, RelTraitSet traits, RelNode input,
      int[] partitionKeys, List<RelFieldCollation> orderKeys, RankRange range, RelDataType rowType) {
    this(cluster, traits, input, partitionKeys, orderKeys, range, RankType.ROW_NUMBER, rowType);
  }

  public StreamPhysicalRank(RelOptCluster cluster, RelTraitSet traits, RelNode input,
      int[] partitionKeys, List<RelFieldCollation> orderKeys, RankRange range, RankType rankType,
      RelDataType rowType) {
    super(cluster, traits, input);
    this.rankType = java.util.Objects.requireNonNull(rankType, "rankType");
    this.partitionKeys = partitionKeys.clone();
    this.orderKeys = List.copyOf(orderKeys);
    this.range = range;
    this.rowType = rowType;
  }

  /** The input fields the rows are ranked within. */
  public int[] partitionKeys() {
    return partitionKeys.clone();
  }

  public List<RelFieldCollation> orderKeys() {
    return orderKeys;
  }

  public RankRange range() {
    return range;
  }

  public RankType rankType() {
    return rankType;
  }

  @Override
  protected RelDataType deriveRowType() {
    return rowType;
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new StreamPhysicalRank(
        getCluster(), traitSet, sole(inputs), partitionKeys, orderKeys, range, rankType, rowType);
  }

  @Override
  public String planName() {
    return "Rank";
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    List<String> names = getInput().getRowType().getFieldNames();
    return super.explainTerms(pw)
        .item("rankType", rankType.name())
        .item("rankRange", SortKeys.range(range.start(), range.end()))
        .item("partitionBy", SortKeys.fields(partitionKeys, names))
        .item("orderBy", SortKeys.order(orderKeys, names))
        .item("select", String.join(", ", getRowType().getFieldNames()));
  }

  /**
   * Over an insert-only input the rows past the range never come back, so only the range's rows
   * stay; over an updating one a row below the range returns when a better one leaves, so every
   * row stays.
   */
  @Override
  public Optional<StateDescription> state(StateDescription.Context context) {
    String kept = context.updatingInput(this) ? "all rows, sorted"
        : rankType == RankType.ROW_NUMBER ? "top " + range.end() + " rows"
        : "rows ranked up to " + range.end();
    return Optional.of(new StateDescription(
        StateDescription.perKey(StateDescription.names(this, 0, partitionKeys), kept),
        context.ttlOrUnbounded()));
  }
}
