package io.strom.codegen.agg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strom.api.state.MapState;
import io.strom.api.state.MapStateDescriptor;
import io.strom.api.typeinfo.Types;
import io.strom.codegen.types.StromTypeFactory;
import io.strom.codegen.types.TypeConversions;
import io.strom.data.BinaryRow;
import io.strom.data.GenericRow;
import io.strom.data.Row;
import io.strom.data.StringData;
import io.strom.runtime.sql.agg.AggsHandler;
import io.strom.runtime.sql.agg.AggsHandlers;
import io.strom.runtime.state.KeyGroupRange;
import io.strom.runtime.state.KeyedStateAccess;
import io.strom.runtime.state.heap.HeapKeyedStateBackend;
import io.strom.serde.DataInputDeserializer;
import io.strom.serde.DataOutputSerializer;
import io.strom.serde.RowSerializer;
import io.strom.types.DataTypes;
import io.strom.types.RowType;
import java.util.List;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

/**
 * DISTINCT calls over the same arguments share one view whose counts are kept per FILTER: each
 * call still sees a value once per key, takes it back with its last row, and the view survives a
 * checkpoint; a checkpoint holding the older per-call views is refused.
 */
class DistinctViewsTest {
  private static final StromTypeFactory TYPES = new StromTypeFactory();
  private static final RowType INPUT = DataTypes.ROW(
      DataTypes.FIELD("k", DataTypes.STRING()),
      DataTypes.FIELD("v", DataTypes.INT()),
      DataTypes.FIELD("s", DataTypes.STRING()),
      DataTypes.FIELD("f", DataTypes.BOOLEAN()));
  private static final RelDataType INPUT_TYPE = TypeConversions.toRelRowType(TYPES, INPUT);
  private static final int[] GROUPING = {0};
  private static final int MAX_PARALLELISM = 8;
  private static final KeyGroupRange ALL = new KeyGroupRange(0, MAX_PARALLELISM - 1);
  private static final BinaryRow KEY = new RowSerializer(DataTypes.ROW(
      DataTypes.FIELD("k", DataTypes.STRING()))).toBinary(GenericRow.of(StringData.fromString("a")))
      .copy();

  private static AggregateCall call(
      SqlAggFunction function, int arg, int filterArg, RelDataType type) {
    return AggregateCall.create(function, true, false, false, List.of(), List.of(arg), filterArg,
        null, RelCollations.EMPTY, type, function.getName().toLowerCase());
  }

  private static RelDataType bigint() {
    return TYPES.createSqlType(SqlTypeName.BIGINT);
  }

  /**
   * COUNT(DISTINCT v), COUNT(DISTINCT v) FILTER (f), SUM(DISTINCT v) FILTER (f),
   * COUNT(DISTINCT s) FILTER (f).
   */
  private static AggsHandlerCodeGenerator.Generated generate() {
    RelDataType sum = TYPES.createTypeWithNullability(INPUT_TYPE.getFieldList().get(1).getType(), true);
    return AggsHandlerCodeGenerator.generate(INPUT_TYPE, GROUPING, List.of(
        call(SqlStdOperatorTable.COUNT, 1, -1, bigint()),
        call(SqlStdOperatorTable.COUNT, 1, 3, bigint()),
        call(SqlStdOperatorTable.SUM, 1, 3, sum),
        call(SqlStdOperatorTable.COUNT, 2, 3, bigint())), true, "DistinctViews");
  }

  private static Row row(Integer v, String s, Boolean f) {
    return GenericRow.of(StringData.fromString("a"), v, s == null ? null : StringData.fromString(s),
        f);
  }

  /** The handler opened on {@code backend}, with {@link #KEY} current and its accumulators set. */
  private static AggsHandler open(
      AggsHandlerCodeGenerator.Generated generated, HeapKeyedStateBackend<BinaryRow> backend,
      Row accumulators) throws Exception {
    KeyedStateAccess<BinaryRow> keys = new KeyedStateAccess<>(backend, "test");
    AggsHandler handler =
        AggsHandlers.open(generated.handler(), DistinctViewsTest.class.getClassLoader(), keys, 0);
    keys.setCurrentKey(KEY);
    handler.setAccumulators(accumulators == null ? handler.createAccumulators() : accumulators);
    return handler;
  }

  private static String result(AggsHandler handler) throws Exception {
    Row value = handler.getValue(KEY);
    return value.getLong(1) + "," + value.getLong(2) + ","
        + (value.isNullAt(3) ? "null" : String.valueOf(value.getInt(3))) + "," + value.getLong(4);
  }

  private static HeapKeyedStateBackend<BinaryRow> backend() {
    return new HeapKeyedStateBackend<>(ALL, MAX_PARALLELISM, () -> 0L);
  }

  private static HeapKeyedStateBackend<BinaryRow> restored(HeapKeyedStateBackend<BinaryRow> from)
      throws Exception {
    HeapKeyedStateBackend<BinaryRow> to = backend();
    for (int group = ALL.first(); group <= ALL.last(); group++) {
      DataOutputSerializer out = new DataOutputSerializer(64);
      from.snapshotKeyGroup(group, out);
      to.restoreKeyGroup(group, new DataInputDeserializer(out.toByteArray()));
    }
    return to;
  }

  @Test
  void callsOverTheSameArgumentsShareOneView() throws Exception {
    HeapKeyedStateBackend<BinaryRow> backend = backend();
    open(generate(), backend, null);
    assertThat(backend.stateNames()).containsExactlyInAnyOrder("distinctCounts0", "distinctCounts1");
  }

  @Test
  void eachFilterCountsItsOwnRowsOfAValue() throws Exception {
    AggsHandler handler = open(generate(), backend(), null);
    handler.accumulate(row(5, "x", false));
    assertThat(result(handler)).isEqualTo("1,0,null,0");
    handler.accumulate(row(5, "x", true));
    handler.accumulate(row(5, "y", null));
    handler.accumulate(row(7, "y", true));
    handler.accumulate(row(null, "y", true));
    handler.accumulate(row(7, "z", false));
    assertThat(result(handler)).isEqualTo("2,2,12,2");

    // The filtered calls lose 5 with its only accepted row; the unfiltered one keeps it.
    handler.retract(row(5, "x", true));
    assertThat(result(handler)).isEqualTo("2,1,7,1");
    // A rejected row never counted for the filtered calls: taking it back leaves them alone.
    handler.retract(row(7, "z", false));
    assertThat(result(handler)).isEqualTo("2,1,7,1");
    handler.retract(row(7, "y", true));
    assertThat(result(handler)).isEqualTo("1,0,null,1");
    handler.retract(row(5, "x", false));
    handler.retract(row(5, "y", null));
    assertThat(result(handler)).isEqualTo("0,0,null,1");
    handler.retract(row(null, "y", true));
    assertThat(result(handler)).isEqualTo("0,0,null,0");
  }

  @Test
  void countsSurviveACheckpoint() throws Exception {
    AggsHandlerCodeGenerator.Generated generated = generate();
    HeapKeyedStateBackend<BinaryRow> before = backend();
    AggsHandler handler = open(generated, before, null);
    handler.accumulate(row(5, "x", true));
    handler.accumulate(row(5, "x", true));
    handler.accumulate(row(7, "y", false));

    AggsHandler resumed = open(generated, restored(before), handler.getAccumulators());
    resumed.retract(row(5, "x", true));
    assertThat(result(resumed)).isEqualTo("2,1,5,1");
    resumed.retract(row(5, "x", true));
    assertThat(result(resumed)).isEqualTo("1,0,null,0");
  }

  @Test
  void refusesACheckpointWithTheOlderPerCallViews() throws Exception {
    HeapKeyedStateBackend<BinaryRow> older = backend();
    KeyedStateAccess<BinaryRow> keys = new KeyedStateAccess<>(older, "test");
    keys.setCurrentKey(KEY);
    MapState<BinaryRow, Long> view = keys.getMapState(
        new MapStateDescriptor<>("distinct1", Types.generic(), Types.LONG));
    view.put(KEY, 1L);

    HeapKeyedStateBackend<BinaryRow> restored = restored(older);
    assertThatThrownBy(() -> open(generate(), restored, null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'distinct1' in an older layout")
        .hasMessageContaining("start the query without restoring that checkpoint");
  }
}
