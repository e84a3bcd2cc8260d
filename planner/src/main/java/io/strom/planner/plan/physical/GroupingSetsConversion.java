package io.strom.planner.plan.physical;

import io.strom.planner.ValidationException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Plans an aggregation with several grouping sets ({@code GROUPING SETS}, {@code ROLLUP}, {@code
 * CUBE}) as Flink does: an {@link StreamPhysicalExpand} emits each row once per grouping set, with
 * the keys outside the set NULLed and the set's id in a column {@code $e}; one aggregation (group
 * or window) groups by all keys plus {@code $e}, so a NULL from a grouping set never meets a real
 * NULL key; a calc on top computes {@code GROUPING}, {@code GROUPING_ID} and {@code GROUP_ID} from
 * {@code $e} and drops it.
 *
 * <p>The id of a grouping set has one bit per key of the whole GROUP BY, in order, most significant
 * first, set where the key is not in the set: it is {@code GROUPING_ID} of all keys.
 */
final class GroupingSetsConversion {
  /** Builds the aggregation (window or group) over the expanded rows. */
  interface KeyedAggregate {
    StreamPhysicalRel create(
        StreamPhysicalRel input, int[] grouping, List<AggregateCall> calls, RelDataType rowType);
  }

  private final LogicalAggregate aggregate;
  private final RelOptCluster cluster;
  private final RexBuilder rex;
  private final RelDataTypeFactory types;
  private final int[] keys;
  private final List<ImmutableBitSet> sets;

  private GroupingSetsConversion(LogicalAggregate aggregate) {
    this.aggregate = aggregate;
    this.cluster = aggregate.getCluster();
    this.rex = cluster.getRexBuilder();
    this.types = cluster.getTypeFactory();
    this.keys = aggregate.getGroupSet().toArray();
    this.sets = aggregate.getGroupSets();
  }

  /** Whether {@code aggregate} needs this conversion: several grouping sets or a grouping function. */
  static boolean applies(LogicalAggregate aggregate) {
    return aggregate.getGroupType() != org.apache.calcite.rel.core.Aggregate.Group.SIMPLE
        || aggregate.getAggCallList().stream().anyMatch(GroupingSetsConversion::isGroupingFunction);
  }

  static StreamPhysicalRel convert(
      LogicalAggregate aggregate, RelTraitSet traits, StreamPhysicalRel input, KeyedAggregate keyed) {
    return new GroupingSetsConversion(aggregate).plan(traits, input, keyed);
  }

  private StreamPhysicalRel plan(RelTraitSet traits, StreamPhysicalRel input, KeyedAggregate keyed) {
    // A grouping set listed twice never gets here: validation turns it into a union of
    // aggregations told apart by GROUP_ID().
    if (keys.length > 62) {
      throw new ValidationException("GROUPING SETS over more than 62 columns are not supported");
    }
    List<AggregateCall> calls = aggregate.getAggCallList();
    // Keys that functions also read get an un-NULLed copy, so COUNT(a) in the set () still
    // counts the values of a.
    Map<Integer, Integer> copies = new LinkedHashMap<>();
    int inputCount = input.getRowType().getFieldCount();
    List<AggregateCall> kept = new ArrayList<>();
    for (AggregateCall call : calls) {
      if (isGroupingFunction(call)) {
        continue;
      }
      List<Integer> args = new ArrayList<>();
      for (int arg : call.getArgList()) {
        args.add(copyIfKey(arg, copies, inputCount));
      }
      int filter = call.filterArg < 0 ? -1 : copyIfKey(call.filterArg, copies, inputCount);
      kept.add(call.copy(args, filter));
    }
    StreamPhysicalExpand expand = expand(traits, input, copies);
    int idIndex = expand.expandIdIndex();
    int[] grouping = new int[keys.length + 1];
    System.arraycopy(keys, 0, grouping, 0, keys.length);
    grouping[keys.length] = idIndex;
    RelDataTypeFactory.Builder aggregateType = types.builder();
    for (int field : grouping) {
      RelDataTypeField f = expand.getRowType().getFieldList().get(field);
      aggregateType.add(f.getName(), f.getType());
    }
    for (AggregateCall call : kept) {
      aggregateType.add(uniqueName(call.getName(), aggregateType), call.getType());
    }
    StreamPhysicalRel aggregated =
        keyed.create(expand, grouping, kept, aggregateType.uniquify().build());
    return new StreamPhysicalCalc(cluster, traits, aggregated, finalProjection(aggregated, calls));
  }

  private static String uniqueName(String name, RelDataTypeFactory.Builder builder) {
    return name == null ? "$f" + builder.getFieldCount() : name;
  }

  private boolean isKey(int field) {
    return aggregate.getGroupSet().get(field);
  }

  private int copyIfKey(int field, Map<Integer, Integer> copies, int inputCount) {
    if (!isKey(field) || inEverySet(field)) {
      return field;
    }
    return copies.computeIfAbsent(field, f -> inputCount + copies.size());
  }

  private static boolean isGroupingFunction(AggregateCall call) {
    SqlKind kind = call.getAggregation().getKind();
    return kind == SqlKind.GROUPING || kind == SqlKind.GROUPING_ID || kind == SqlKind.GROUP_ID;
  }

  /** The input fields (keys outside a set NULLed), the copies of keys read by functions, $e. */
  private StreamPhysicalExpand expand(
      RelTraitSet traits, StreamPhysicalRel input, Map<Integer, Integer> copies) {
    List<RelDataTypeField> fields = input.getRowType().getFieldList();
    RelDataTypeFactory.Builder rowType = types.builder();
    for (RelDataTypeField field : fields) {
      boolean nulled = isKey(field.getIndex()) && !inEverySet(field.getIndex());
      rowType.add(field.getName(),
          nulled ? types.createTypeWithNullability(field.getType(), true) : field.getType());
    }
    for (int field : copies.keySet()) {
      rowType.add(fields.get(field).getName() + "_0", fields.get(field).getType());
    }
    RelDataType bigint = types.createSqlType(SqlTypeName.BIGINT);
    rowType.add("$e", bigint);
    RelDataType type = rowType.uniquify().build();
    List<List<RexNode>> projections = new ArrayList<>();
    for (ImmutableBitSet set : sets) {
      List<RexNode> projection = new ArrayList<>();
      for (RelDataTypeField field : fields) {
        int i = field.getIndex();
        projection.add(isKey(i) && !set.get(i)
            ? rex.makeNullLiteral(type.getFieldList().get(i).getType())
            : rex.makeInputRef(field.getType(), i));
      }
      for (int field : copies.keySet()) {
        projection.add(rex.makeInputRef(fields.get(field).getType(), field));
      }
      projection.add(rex.makeExactLiteral(java.math.BigDecimal.valueOf(id(set)), bigint));
      projections.add(projection);
    }
    return new StreamPhysicalExpand(
        cluster, traits, input, projections, type.getFieldCount() - 1, type);
  }

  private boolean inEverySet(int field) {
    return sets.stream().allMatch(set -> set.get(field));
  }

  /** The id of a grouping set: GROUPING_ID of all keys. */
  private long id(ImmutableBitSet set) {
    long id = 0;
    for (int key : keys) {
      id = (id << 1) | (set.get(key) ? 0 : 1);
    }
    return id;
  }

  /** The aggregation's columns as the query asked for them, grouping functions computed from $e. */
  private RexProgram finalProjection(StreamPhysicalRel aggregated, List<AggregateCall> calls) {
    List<RexNode> projects = new ArrayList<>();
    for (int k = 0; k < keys.length; k++) {
      projects.add(rex.makeInputRef(aggregated, k));
    }
    RexNode id = rex.makeInputRef(aggregated, keys.length);
    int next = keys.length + 1;
    for (AggregateCall call : calls) {
      if (isGroupingFunction(call)) {
        projects.add(groupingValue(call, id));
      } else {
        projects.add(rex.makeInputRef(aggregated, next++));
      }
    }
    return RexProgram.create(
        aggregated.getRowType(), projects, null, aggregate.getRowType().getFieldNames(), rex);
  }

  /** {@code GROUPING(a, ..)}, {@code GROUPING_ID(a, ..)} or {@code GROUP_ID()} for each set's id. */
  private RexNode groupingValue(AggregateCall call, RexNode id) {
    List<Long> values = new ArrayList<>();
    for (ImmutableBitSet set : sets) {
      long value = 0;
      if (call.getAggregation().getKind() != SqlKind.GROUP_ID) {
        for (int arg : call.getArgList()) {
          value = (value << 1) | (set.get(arg) ? 0 : 1);
        }
      }
      values.add(value);
    }
    RelDataType type = call.getType();
    if (new HashSet<>(values).size() == 1) {
      return literal(values.get(0), type);
    }
    List<RexNode> operands = new ArrayList<>();
    RelDataType bigint = id.getType();
    for (int i = 0; i < sets.size() - 1; i++) {
      operands.add(rex.makeCall(SqlStdOperatorTable.EQUALS, id,
          rex.makeExactLiteral(java.math.BigDecimal.valueOf(id(sets.get(i))), bigint)));
      operands.add(literal(values.get(i), type));
    }
    operands.add(literal(values.get(sets.size() - 1), type));
    return rex.makeCall(type, SqlStdOperatorTable.CASE, operands);
  }

  private RexNode literal(long value, RelDataType type) {
    return rex.makeExactLiteral(java.math.BigDecimal.valueOf(value), type);
  }
}
