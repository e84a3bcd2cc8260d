package io.strom.runtime.state.heap;

import io.strom.api.state.MapStateDescriptor;
import io.strom.api.state.StateDescriptor;
import io.strom.runtime.state.StateKind;
import io.strom.serde.DataInputView;
import io.strom.serde.DataOutputView;
import io.strom.serde.DynamicSerializer;
import io.strom.serde.TypeSerializer;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes the entries of one heap state in one key group to a checkpoint, and reads them back into
 * the state's table. The body of a state's section is
 *
 * <pre>
 * int entries, each: key | namespace | value
 * value of value, reducing, aggregating state: [long timestamp] value
 * value of list state: int n, n × ([long timestamp] element)
 * value of map state:  int n, n × (user key | [long timestamp] | bool present [user value])
 * </pre>
 *
 * Keys and namespaces are written with the self-describing {@link DynamicSerializer} (keyed
 * operators do not declare their key type); values with the serializer of the state's declared
 * type. Timestamps are written only when the state had a time-to-live when written; a restore into
 * a state with a different time-to-live setting adds or drops them.
 *
 * <p>An instance is used on one thread: the task's for restores, a snapshot's writer for its own
 * {@link #forAnotherThread} copy.
 */
final class HeapSnapshotSerde<K> {
  private final TypeSerializer<Object> keys = new DynamicSerializer();
  private final TypeSerializer<Object> namespaces = new DynamicSerializer();
  private final TypeSerializer<Object> values;
  private final TypeSerializer<Object> userKeys;
  private final StateKind kind;

  @SuppressWarnings("unchecked")
  HeapSnapshotSerde(StateDescriptor<?> descriptor, StateKind kind) {
    this(
        kind,
        (TypeSerializer<Object>) descriptor.type().createSerializer(),
        descriptor instanceof MapStateDescriptor<?, ?> map
            ? (TypeSerializer<Object>) map.keyType().createSerializer()
            : null);
  }

  private HeapSnapshotSerde(
      StateKind kind, TypeSerializer<Object> values, TypeSerializer<Object> userKeys) {
    this.kind = kind;
    this.values = values;
    this.userKeys = userKeys;
  }

  /** An instance with serializers of its own, for a snapshot written on another thread. */
  HeapSnapshotSerde<K> forAnotherThread() {
    return new HeapSnapshotSerde<>(
        kind, values.duplicate(), userKeys == null ? null : userKeys.duplicate());
  }

  /**
   * Writes the entries of one key group as a snapshot captured them.
   *
   * @param slots the key group's captured slot array, or null when it was empty
   * @param values the values captured at each slot's index, or null when the entries hold them
   * @param timestamps the timestamps captured likewise, or null when the entries hold them
   * @param size the number of entries in {@code slots}
   * @param timed whether the state has a time-to-live
   * @return how many entries it wrote
   */
  int write(
      StateEntry<K, ?>[] slots,
      Object[] values,
      long[] timestamps,
      int size,
      boolean timed,
      DataOutputView out)
      throws IOException {
    if (slots == null || size == 0) {
      return 0;
    }
    out.writeInt(size);
    for (int i = 0; i < slots.length; i++) {
      StateEntry<K, ?> e = slots[i];
      if (e != null) {
        keys.serialize(e.key, out);
        namespaces.serialize(e.namespace, out);
        writeValue(
            values == null ? e.value : values[i],
            timestamps == null ? e.timestamp : timestamps[i],
            timed,
            out);
      }
    }
    return size;
  }

  @SuppressWarnings("unchecked")
  private void writeValue(Object value, long timestamp, boolean timed, DataOutputView out)
      throws IOException {
    switch (kind) {
      case LIST -> {
        ElementList<Object> list = (ElementList<Object>) value;
        out.writeInt(list.size());
        for (int i = 0; i < list.size(); i++) {
          if (timed) {
            out.writeLong(list.stampAt(i));
          }
          values.serialize(list.values.get(i), out);
        }
      }
      case MAP -> {
        HashMap<Object, Object> map = (HashMap<Object, Object>) value;
        out.writeInt(map.size());
        for (Map.Entry<Object, Object> m : map.entrySet()) {
          userKeys.serialize(m.getKey(), out);
          Object v = m.getValue();
          if (timed) {
            TimedValue<Object> t = (TimedValue<Object>) v;
            out.writeLong(t.timestamp);
            v = t.value;
          }
          out.writeBoolean(v != null);
          if (v != null) {
            values.serialize(v, out);
          }
        }
      }
      default -> {
        if (timed) {
          out.writeLong(timestamp);
        }
        values.serialize(value, out);
      }
    }
  }

  /**
   * Reads entries written by {@link #write} into the state.
   *
   * @param writtenTimed whether the writer's state had a time-to-live
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  void read(AbstractHeapState<K, ?> state, boolean writtenTimed, DataInputView in)
      throws IOException {
    boolean timed = state.ttl.enabled;
    long now = timed ? state.ttl.now() : 0L;
    StateTable table = state.table;
    int n = in.readInt();
    for (int i = 0; i < n; i++) {
      K key = (K) keys.deserialize(in);
      Object namespace = namespaces.deserialize(in);
      StateEntry<K, ?> e = table.findOrInsert(key, namespace, now);
      switch (kind) {
        case LIST -> e.value = readList(in, writtenTimed, timed, now);
        case MAP -> e.value = readMap(in, writtenTimed, timed, now);
        default -> {
          long stamp = writtenTimed ? in.readLong() : now;
          e.timestamp = timed ? stamp : 0L;
          e.value = values.deserialize(in);
        }
      }
    }
  }

  private ElementList<Object> readList(
      DataInputView in, boolean writtenTimed, boolean timed, long now) throws IOException {
    int size = in.readInt();
    ElementList<Object> list = new ElementList<>(timed);
    for (int i = 0; i < size; i++) {
      long stamp = writtenTimed ? in.readLong() : now;
      list.add(values.deserialize(in), stamp);
    }
    return list;
  }

  private HashMap<Object, Object> readMap(
      DataInputView in, boolean writtenTimed, boolean timed, long now) throws IOException {
    int size = in.readInt();
    HashMap<Object, Object> map = new HashMap<>();
    for (int i = 0; i < size; i++) {
      Object userKey = userKeys.deserialize(in);
      long stamp = writtenTimed ? in.readLong() : now;
      Object value = in.readBoolean() ? values.deserialize(in) : null;
      map.put(userKey, timed ? new TimedValue<>(value, stamp) : value);
    }
    return map;
  }
}
