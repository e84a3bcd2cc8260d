package io.strom.runtime.tasks;

import io.strom.runtime.checkpoint.StateAssignment;
import io.strom.runtime.operators.SnapshotContext;
import io.strom.serde.DataOutputSerializer;
import io.strom.serde.TypeSerializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link SnapshotContext} of one operator at one checkpoint: serializes list state elements one
 * by one at once. Used only on the task's thread.
 */
final class OperatorSnapshotContext implements SnapshotContext {
  private final long checkpointId;
  private final long timestamp;
  private final String operatorName;
  private final Map<String, List<byte[]>> listStates = new LinkedHashMap<>();

  OperatorSnapshotContext(long checkpointId, long timestamp, String operatorName) {
    this.checkpointId = checkpointId;
    this.timestamp = timestamp;
    this.operatorName = operatorName;
  }

  @Override
  public long checkpointId() {
    return checkpointId;
  }

  @Override
  public long checkpointTimestamp() {
    return timestamp;
  }

  @Override
  public <T> void writeListState(String name, TypeSerializer<T> serializer, Iterable<T> elements)
      throws IOException {
    if (listStates.containsKey(name)) {
      throw new IllegalStateException(
          "Operator '" + operatorName + "' wrote list state '" + name + "' twice in checkpoint "
              + checkpointId);
    }
    listStates.put(name, write(serializer, elements));
  }

  @Override
  public <T> void writeUnionListState(
      String name, TypeSerializer<T> serializer, Iterable<T> elements) throws IOException {
    // The name's prefix tells the restore to give every subtask all elements.
    writeListState(StateAssignment.UNION_STATE_PREFIX + name, serializer, elements);
  }

  static <T> List<byte[]> write(TypeSerializer<T> serializer, Iterable<T> elements)
      throws IOException {
    List<byte[]> result = new ArrayList<>();
    DataOutputSerializer out = new DataOutputSerializer(64);
    for (T element : elements) {
      out.clear();
      serializer.serialize(element, out);
      result.add(out.toByteArray());
    }
    return result;
  }

  Map<String, List<byte[]>> listStates() {
    return listStates;
  }
}
