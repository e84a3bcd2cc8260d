package io.strom.runtime.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strom.api.functions.AggregateFunction;
import io.strom.api.state.AggregatingState;
import io.strom.api.state.AggregatingStateDescriptor;
import io.strom.api.state.ListState;
import io.strom.api.state.ListStateDescriptor;
import io.strom.api.state.MapState;
import io.strom.api.state.MapStateDescriptor;
import io.strom.api.state.ReducingState;
import io.strom.api.state.ReducingStateDescriptor;
import io.strom.api.state.ValueState;
import io.strom.api.state.ValueStateDescriptor;
import io.strom.api.typeinfo.Types;
import io.strom.runtime.state.heap.HeapKeyedStateBackend;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tests of user-facing state bound to the current key. */
class KeyedStateAccessTest {
  private final HeapKeyedStateBackend<String> backend =
      new HeapKeyedStateBackend<>(new KeyGroupRange(0, 127), 128, () -> 0L);
  private final KeyedStateAccess<String> access = new KeyedStateAccess<>(backend, "Counter");

  @Test
  void valueStateFollowsTheCurrentKey() {
    ValueState<Integer> state = access.getState(new ValueStateDescriptor<>("v", Types.INT));
    access.setCurrentKey("a");
    state.update(1);
    access.setCurrentKey("b");
    assertThat(state.value()).isNull();
    state.update(2);
    access.setCurrentKey("a");
    assertThat(state.value()).isEqualTo(1);
    state.clear();
    assertThat(state.value()).isNull();
    access.setCurrentKey("b");
    assertThat(state.value()).isEqualTo(2);
  }

  @Test
  void listStateFollowsTheCurrentKeyAndIsEmptyWhenUnset() {
    ListState<String> state = access.getListState(new ListStateDescriptor<>("l", Types.STRING));
    access.setCurrentKey("a");
    state.add("x");
    state.addAll(List.of("y"));
    access.setCurrentKey("b");
    assertThat(state.get()).isEmpty();
    state.update(List.of("z"));
    access.setCurrentKey("a");
    assertThat(state.get()).containsExactly("x", "y");
    access.setCurrentKey("b");
    assertThat(state.get()).containsExactly("z");
  }

  @Test
  void mapStateFollowsTheCurrentKey() {
    MapState<String, Integer> state =
        access.getMapState(new MapStateDescriptor<>("m", Types.STRING, Types.INT));
    access.setCurrentKey("a");
    state.put("x", 1);
    access.setCurrentKey("b");
    assertThat(state.isEmpty()).isTrue();
    assertThat(state.contains("x")).isFalse();
    state.put("y", 2);
    access.setCurrentKey("a");
    assertThat(state.get("x")).isEqualTo(1);
    assertThat(state.entries()).containsExactly(Map.entry("x", 1));
    state.remove("x");
    assertThat(state.isEmpty()).isTrue();
  }

  @Test
  void reducingAndAggregatingStateFollowTheCurrentKey() {
    ReducingState<Long> sum =
        access.getReducingState(new ReducingStateDescriptor<>("r", Long::sum, Types.LONG));
    AggregatingState<Long, Long> count =
        access.getAggregatingState(
            new AggregatingStateDescriptor<>("c", new Count(), Types.LONG));
    access.setCurrentKey("a");
    sum.add(3L);
    sum.add(4L);
    count.add(9L);
    count.add(9L);
    access.setCurrentKey("b");
    assertThat(sum.get()).isNull();
    assertThat(count.get()).isNull();
    sum.add(1L);
    access.setCurrentKey("a");
    assertThat(sum.get()).isEqualTo(7L);
    assertThat(count.get()).isEqualTo(2L);
  }

  @Test
  void usingStateWithoutACurrentKeyFailsNamingTheOperator() {
    ValueState<Integer> state = access.getState(new ValueStateDescriptor<>("v", Types.INT));
    assertThatThrownBy(state::value)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'Counter'")
        .hasMessageContaining("outside");
  }

  @Test
  void checkedFailureOfAReduceFunctionIsWrappedWithTheStateName() {
    ReducingState<Long> state =
        access.getReducingState(
            new ReducingStateDescriptor<Long>(
                "r",
                (a, b) -> {
                  throw new IOException("disk");
                },
                Types.LONG));
    access.setCurrentKey("a");
    state.add(1L);
    assertThatThrownBy(() -> state.add(2L))
        .hasMessageContaining("'r'")
        .hasMessageContaining("'Counter'")
        .hasCauseInstanceOf(IOException.class);
  }

  /** Counts the values added. */
  private static final class Count implements AggregateFunction<Long, Long, Long> {
    @Override
    public Long createAccumulator() {
      return 0L;
    }

    @Override
    public Long add(Long value, Long accumulator) {
      return accumulator + 1;
    }

    @Override
    public Long getResult(Long accumulator) {
      return accumulator;
    }

    @Override
    public Long merge(Long a, Long b) {
      return a + b;
    }
  }
}
