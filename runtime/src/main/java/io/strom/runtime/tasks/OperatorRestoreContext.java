package io.strom.runtime.tasks;

import io.strom.runtime.checkpoint.StateAssignment;
import io.strom.runtime.checkpoint.TaskRestore;
import io.strom.runtime.operators.RestoreContext;
import io.strom.serde.DataInputDeserializer;
import io.strom.serde.TypeSerializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The {@link RestoreContext} of one operator of a task. Used only on the task's thread. */
final class OperatorRestoreContext implements RestoreContext {
  private final TaskRestore restore;
  private final String operatorKey;

  OperatorRestoreContext(TaskRestore restore, String operatorKey) {
    this.restore = restore;
    this.operatorKey = operatorKey;
  }

  @Override
  public boolean isRestored() {
    return restore.isRestored();
  }

  @Override
  public long restoredCheckpointId() {
    return restore.checkpointId();
  }

  @Override
  public <T> List<T> readListState(String name, TypeSerializer<T> serializer) throws IOException {
    return read(restore.operator(operatorKey).listStates().getOrDefault(name, List.of()),
        serializer);
  }

  @Override
  public <T> List<T> readUnionListState(String name, TypeSerializer<T> serializer)
      throws IOException {
    return readListState(StateAssignment.UNION_STATE_PREFIX + name, serializer);
  }

  /** Deserializes elements written by {@link OperatorSnapshotContext}. */
  static <T> List<T> read(List<byte[]> elements, TypeSerializer<T> serializer) throws IOException {
    List<T> result = new ArrayList<>(elements.size());
    DataInputDeserializer in = new DataInputDeserializer();
    for (byte[] element : elements) {
      in.setBuffer(element, 0, element.length);
      result.add(serializer.deserialize(in));
    }
    return result;
  }
}
