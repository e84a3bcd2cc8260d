package io.strom.planner.plan.physical;

import io.strom.planner.catalog.CatalogTable;
import io.strom.planner.catalog.PrimaryKey;
import io.strom.runtime.sql.rank.RankRange;
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
 * at most one row of the other; a window aggregation its grouping columns with one of the window's
 * columns; a hash exchange the input keys that hold its columns. A node may have none: a correlate
 * and a UNION ALL never do.
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
    if (node instanceof StreamPhysicalExchange exchange) {
      return exchangeKeys(exchange, inputs.get(0));
    }
    if (node instanceof StreamPhysicalWatermarkAssigner
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
    if (node instanceof StreamPhysicalLookupJoin lookup) {
      return lookupJoinKeys(lookup, inputs.get(0));
    }
    if (node instanceof StreamPhysicalTemporalJoin) {
      // Each left row meets at most one version, and the left columns come first.
      return inputs.get(0);
    }
    if (node instanceof StreamPhysicalWindowAggregate aggregate) {
      return windowAggregateKeys(aggregate);
    }
    if (node instanceof StreamPhysicalWindowRank rank) {
      return rankKeys(ImmutableBitSet.of(rank.partitionKeys()), rank.range(),
          rank.getRowType().getFieldCount(), inputs.get(0));
    }
    // A correlate (LATERAL TABLE, UNNEST) may emit several rows per input row, and a UNION ALL's
    // inputs may each hold a row with the same key: neither has keys, as in Flink. Nor has any
    // other node not named above.
    return Set.of();
  }

  /**
   * A lookup join's probe keys when each probe row finds at most one row, that is when its lookup
   * key holds a key of the table; none otherwise, as in Flink.
   */
  private static Set<ImmutableBitSet> lookupJoinKeys(
      StreamPhysicalLookupJoin lookup, Set<ImmutableBitSet> probeKeys) {
    StreamPhysicalRel table = lookup.tablePlan();
    ImmutableBitSet looked = ImmutableBitSet.of(lookup.tableKeys());
    for (ImmutableBitSet tableKey : derive(table).of(table)) {
      if (looked.contains(tableKey)) {
        return probeKeys;
      }
    }
    return Set.of();
  }

  /**
   * The input keys that hold the hash distribution's columns: only then do all changes of a key
   * go to one subtask, in order (Flink's rule). A single distribution keeps them all.
   */
  private static Set<ImmutableBitSet> exchangeKeys(
      StreamPhysicalExchange exchange, Set<ImmutableBitSet> input) {
    if (exchange.isSingleton()) {
      return input;
    }
    ImmutableBitSet distribution = ImmutableBitSet.of(exchange.keys());
    Set<ImmutableBitSet> result = new LinkedHashSet<>();
    for (ImmutableBitSet key : input) {
      if (key.contains(distribution)) {
        result.add(key);
      }
    }
    return result;
  }

  /**
   * A window aggregation emits one row per group and window: its grouping columns other than the
   * window's, with {@code window_start}, or with {@code window_end}, or with {@code window_time}
   * when grouped (each identifies the window among a group's windows), as in Flink.
   */
  private static Set<ImmutableBitSet> windowAggregateKeys(StreamPhysicalWindowAggregate aggregate) {
    int[] windowColumns = {aggregate.windowStartKeyIndex(), aggregate.windowEndKeyIndex(),
        aggregate.windowTimeKeyIndex()};
    ImmutableBitSet others = ImmutableBitSet.range(aggregate.grouping().length);
    for (int column : windowColumns) {
      if (column >= 0) {
        others = others.clear(column);
      }
    }
    Set<ImmutableBitSet> result = new LinkedHashSet<>();
    for (int column : windowColumns) {
      if (column >= 0) {
        result.add(others.set(column));
      }
    }
    return result;
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
    return rankKeys(ImmutableBitSet.of(rank.partitionKeys()), rank.range(),
        rank.getRowType().getFieldCount(), input);
  }

  /**
   * The keys of a ROW_NUMBER Top-N (per window or not): the partition columns and the row number
   * when shown, the partition columns alone when one row per partition is kept (Top-1 or
   * deduplication), else the input's keys, since its rows are input rows.
   */
  private static Set<ImmutableBitSet> rankKeys(ImmutableBitSet partition, RankRange range,
      int fieldCount, Set<ImmutableBitSet> input) {
    if (range.outputRankNumber()) {
      return Set.of(partition.set(fieldCount - 1));
    }
    if (range.end() == 1) {
      return Set.of(partition);
    }
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
