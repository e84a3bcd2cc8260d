package io.strom.runtime.state.heap;

import io.strom.api.state.StateDescriptor;
import io.strom.runtime.state.StateKind;
import io.strom.serde.TypeSerializer;
import java.util.HashMap;
import java.util.function.UnaryOperator;

/**
 * Copies the stored form of one state's value (see each state kind) deeply enough that the task
 * may change the copy in place while a snapshot reads the original: operators mutate accumulators,
 * rows and lists they read from state. Values are copied with the serializer of the state's
 * declared type (which returns immutable values as they are); the keys of a map state are kept, as
 * a hash map's keys must not change anyway.
 *
 * <p>Used only on the task's thread, and only for entries a running snapshot shares.
 */
final class StoredValueCopier implements UnaryOperator<Object> {
  private final StateKind kind;
  private final TypeSerializer<Object> values;

  @SuppressWarnings("unchecked")
  StoredValueCopier(StateDescriptor<?> descriptor, StateKind kind) {
    this.kind = kind;
    this.values = (TypeSerializer<Object>) descriptor.type().createSerializer();
  }

  /**
   * Whether every copy would be the stored value itself: a single value of an immutable type. A
   * snapshot of such a state keeps the values' references instead of the task copying entries.
   */
  boolean copiesNothing() {
    return kind != StateKind.LIST && kind != StateKind.MAP && values.isImmutableType();
  }

  @Override
  @SuppressWarnings("unchecked")
  public Object apply(Object stored) {
    return switch (kind) {
      case LIST -> ((ElementList<Object>) stored).copy(this::copyValue);
      case MAP -> copyMap((HashMap<Object, Object>) stored);
      default -> copyValue(stored);
    };
  }

  private Object copyValue(Object value) {
    return value == null || values.isImmutableType() ? value : values.copy(value);
  }

  private HashMap<Object, Object> copyMap(HashMap<Object, Object> map) {
    HashMap<Object, Object> copy = new HashMap<>(map);
    // Map states with a time-to-live hold a mutable holder per user value.
    copy.replaceAll(
        (userKey, v) ->
            v instanceof TimedValue<?> timed
                ? new TimedValue<>(copyValue(timed.value), timed.timestamp)
                : copyValue(v));
    return copy;
  }
}
