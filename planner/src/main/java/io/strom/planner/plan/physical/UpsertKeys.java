package io.strom.planner.plan.physical;

import io.strom.planner.catalog.CatalogTable;
import io.strom.planner.catalog.PrimaryKey;
import io.strom.runtime.sql.rank.RankType;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLocalRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * The upsert keys of each node of a physical plan, as Flink derives them: sets of output columns
 * whose values identify the row that a change of the node's output replaces. A table with a
 * primary key (such as an {@code upsert-kafka} source) has it; a group aggregation has its grouping
 * columns (a global one the empty key); a Top-1 or deduplication its partition columns (a Top-N
 * showing the row number, those and the row number); a projection keeps the keys whose columns it
 * passes on; a join the pairs of its inputs' keys, or one input's keys when each of its rows meets
 * at most one row of the other. A node may have none.
 *
 * <p>A sink writing by primary key needs no extra state when one of the query's upsert keys lies
 * within that key; otherwise the query's changes must be materialized per sink key first.
 */
public final class UpsertKeys {
  private final Map<RelNode, Set<ImmutableBitSet>> keys = new IdentityHashMap<>();

  private UpsertKeys() {}

  /** The upsert keys of every node of {@code root}. */
  public static UpsertKeys derive(StreamPhysicalRel root) {
    UpsertKeys result = new UpsertKeys();
    result.visit(root);
    return result;
  }

  /** The upsert keys of {@code node}, each a set of its output columns; empty when it has none. */
  public Set<ImmutableBitSet> of(RelNode node) {
    Set<ImmutableBitSet> found = keys.get(node);
    if (found == null) {
      throw new IllegalStateException("Bug: no upsert keys derived for " + node.getRelTypeName());
    }
    return found;
  }

  /** The keys as EXPLAIN prints them, e.g. {@code [[id], [a, b]]}. */
  public String describe(RelNode node) {
    List<String> names = node.getRowType().getFieldNames();
    List<String> described = new ArrayList<>();
    for (ImmutableBitSet key : of(node)) {
      List<String> columns = new ArrayList<>();
      key.forEach(i -> columns.add(names.get(i)));
      described.add(columns.toString());
    }
    return described.toString();
  }

  private Set<ImmutableBitSet> visit(RelNode node) {
    List<Set<ImmutableBitSet>> inputs = new ArrayList<>();
    for (RelNode input : node.getInputs()) {
      inputs.add(visit(input));
    }
    Set<ImmutableBitSet> result = new LinkedHashSet<>(derive(node, inputs));
    keys.put(node, result);
    return result;
  }

  private static Set<ImmutableBitSet> derive(RelNode node, List<Set<ImmutableBitSet>> inputs) {
    if (node instanceof StreamPhysicalTableSourceScan scan) {
      return scanKeys(scan);
    }
    if (node instanceof StreamPhysicalCalc calc) {
      return throughProgram(calc.getProgram(), inputs.get(0));
    }
    if (node instanceof StreamPhysicalWatermarkAssigner
        || node instanceof StreamPhysicalExchange
        || node instanceof StreamPhysicalTemporalSort
        || node instanceof StreamPhysicalOverAggregate) {
      // Rows pass through unchanged (an OVER aggregation appends columns after them).
      return inputs.get(0);
    }
    if (node instanceof StreamPhysicalGroupAggregate aggregate) {
      return Set.of(ImmutableBitSet.range(aggregate.grouping().length));
    }
    if (node instanceof StreamPhysicalGlobalGroupAggregate aggregate) {
      // The final phase of a two-phase aggregation: its rows are keyed as a one-phase one's.
      return Set.of(ImmutableBitSet.range(aggregate.keyArity()));
    }
    if (node instanceof StreamPhysicalDeduplicate dedup) {
      return Set.of(ImmutableBitSet.of(dedup.keys()));
    }
    if (node instanceof StreamPhysicalRank rank) {
      return rankKeys(rank, inputs.get(0));
    }
    if (node instanceof StreamPhysicalJoin join) {
      return joinKeys(join, inputs.get(0), inputs.get(1));
    }
    if (node instanceof StreamPhysicalTemporalJoin) {
      // Each left row meets at most one version, and the left columns come first.
      return inputs.get(0);
    }
    return Set.of();
  }

  /** A table's primary key, when the scan reads all of its columns. */
  private static Set<ImmutableBitSet> scanKeys(StreamPhysicalTableSourceScan scan) {
    CatalogTable table = scan.source().table();
    PrimaryKey primaryKey = table.schema().primaryKey();
    if (primaryKey == null) {
      return Set.of();
    }
    List<String> fields = scan.getRowType().getFieldNames();
    ImmutableBitSet.Builder key = ImmutableBitSet.builder();
    for (String column : primaryKey.columns()) {
      int index = fields.indexOf(column);
      if (index < 0) {
        return Set.of();
      }
      key.set(index);
    }
    return Set.of(key.build());
  }

  /** The input keys all of whose columns a projection passes on, renumbered to its output. */
  private static Set<ImmutableBitSet> throughProgram(RexProgram program, Set<ImmutableBitSet> input) {
    List<RexLocalRef> projects = program.getProjectList();
    Map<Integer, Integer> outputOfInput = new java.util.HashMap<>();
    for (int i = 0; i < projects.size(); i++) {
      RexNode expanded = program.expandLocalRef(projects.get(i));
      if (expanded instanceof RexInputRef ref) {
        outputOfInput.putIfAbsent(ref.getIndex(), i);
      }
    }
    Set<ImmutableBitSet> result = new LinkedHashSet<>();
    for (ImmutableBitSet key : input) {
      ImmutableBitSet.Builder mapped = ImmutableBitSet.builder();
      boolean kept = true;
      for (int column : key) {
        Integer output = outputOfInput.get(column);
        if (output == null) {
          kept = false;
          break;
        }
        mapped.set(output);
      }
      if (kept) {
        result.add(mapped.build());
      }
    }
    return result;
  }

  private static Set<ImmutableBitSet> rankKeys(StreamPhysicalRank rank, Set<ImmutableBitSet> input) {
    if (rank.rankType() != RankType.ROW_NUMBER) {
      // RANK and DENSE_RANK give ties one number: several rows share a partition and rank.
      return input;
    }
    ImmutableBitSet partition = ImmutableBitSet.of(rank.partitionKeys());
    if (rank.range().outputRankNumber()) {
      return Set.of(partition.set(rank.getRowType().getFieldCount() - 1));
    }
    if (rank.range().end() == 1) {
      return Set.of(partition);
    }
    // Top-N rows are input rows: what identified them still does.
    return input;
  }

  /**
   * Pairs of the two inputs' keys; and one input's keys alone when the other input's join columns
   * hold one of its keys, so each row of the first meets at most one row of the second.
   */
  private static Set<ImmutableBitSet> joinKeys(
      StreamPhysicalJoin join, Set<ImmutableBitSet> left, Set<ImmutableBitSet> right) {
    int shift = join.getLeft().getRowType().getFieldCount();
    JoinInfo info = join.info();
    ImmutableBitSet leftJoinColumns = ImmutableBitSet.of(info.leftKeys);
    ImmutableBitSet rightJoinColumns = ImmutableBitSet.of(info.rightKeys);
    Set<ImmutableBitSet> result = new LinkedHashSet<>();
    JoinRelType type = join.getJoinType();
    // A side padded with NULLs has no keys of its own: many padded rows share the NULLs.
    boolean rightUniquePerLeft = right.stream().anyMatch(rightJoinColumns::contains)
        && (type == JoinRelType.INNER || type == JoinRelType.LEFT);
    boolean leftUniquePerRight = left.stream().anyMatch(leftJoinColumns::contains)
        && (type == JoinRelType.INNER || type == JoinRelType.RIGHT);
    if (rightUniquePerLeft) {
      result.addAll(left);
    }
    if (leftUniquePerRight) {
      right.forEach(k -> result.add(k.shift(shift)));
    }
    for (ImmutableBitSet l : left) {
      for (ImmutableBitSet r : right) {
        ImmutableBitSet pair = l.union(r.shift(shift));
        if (result.stream().noneMatch(pair::contains)) {
          result.add(pair);
        }
      }
    }
    return result;
  }
}
