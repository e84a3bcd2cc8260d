package io.strom.runtime.checkpoint;

import io.strom.configuration.CheckpointingOptions;
import io.strom.runtime.graph.JobGraph;
import io.strom.runtime.graph.JobVertex;
import io.strom.runtime.graph.StreamNode;
import io.strom.runtime.state.KeyGroupRange;
import io.strom.runtime.state.KeyGroups;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides which state of a completed checkpoint each subtask of a job restores, also when the job
 * now runs with other parallelisms: keyed state goes by key group (a subtask reads the key groups
 * it owns from whichever files hold them), operator list state is kept per subtask when an
 * operator's parallelism is unchanged and otherwise spread evenly, in order, over the new subtasks;
 * the in-flight data of an unaligned checkpoint is then redistributed as the exchanges route
 * ({@link InFlightRedistribution}).
 */
public final class StateAssignment {
  private StateAssignment() {}

  /**
   * Names of the head operator's list states that hold the in-flight data of an unaligned
   * checkpoint, followed by the input index.
   */
  public static final String IN_FLIGHT_STATE_PREFIX = "in-flight-input-";

  /**
   * Prefix of the names of union list states ({@code SnapshotContext#writeUnionListState}), which
   * every subtask restores whole.
   */
  public static final String UNION_STATE_PREFIX = "union-";

  /**
   * Checks that a checkpoint fits a job: same number of key groups, and every operator with state
   * in the checkpoint still exists, unless {@code execution.state-recovery.ignore-unclaimed-state}
   * lets that state go.
   *
   * @throws IllegalArgumentException saying what does not fit and how to fix it
   */
  public static void validate(CompletedCheckpoint checkpoint, JobGraph job) {
    if (checkpoint.maxParallelism() != job.maxParallelism()) {
      throw new IllegalArgumentException(
          "Checkpoint " + checkpoint.name() + " of job " + checkpoint.jobId() + " was taken with"
              + " max parallelism " + checkpoint.maxParallelism() + " but the job runs with "
              + job.maxParallelism() + "; keyed state can only be restored with the same"
              + " 'pipeline.max-parallelism'.");
    }
    Map<String, StreamNode> nodes = new LinkedHashMap<>();
    for (JobVertex vertex : job.vertices()) {
      for (StreamNode node : vertex.nodes()) {
        nodes.put(OperatorKeys.of(node), node);
      }
    }
    List<String> missing = new ArrayList<>();
    for (String key : checkpoint.operators().keySet()) {
      if (!nodes.containsKey(key)) {
        missing.add(key);
      }
    }
    if (missing.isEmpty()
        || job.configuration().get(CheckpointingOptions.RECOVERY_IGNORE_UNCLAIMED_STATE)) {
      return;
    }
    boolean one = missing.size() == 1;
    List<String> described = new ArrayList<>();
    for (String key : missing) {
      described.add(OperatorKeys.describe(key) + inItsPlace(key, checkpoint, nodes));
    }
    throw new IllegalArgumentException(
        "Checkpoint " + checkpoint.name() + " of job " + checkpoint.jobId() + " holds state"
            + " of " + (one ? "operator " : "operators ") + String.join(", ", described)
            + ", which this job does not have: the program or query changed what "
            + (one ? "that operator keeps" : "they keep") + " in state (keys, aggregate"
            + " functions, window, ranking, join, or the rows read), so the state cannot be"
            + " reused. Start the job from the program or query that wrote the state; or drop"
            + " that state with SET '" + CheckpointingOptions.RECOVERY_IGNORE_UNCLAIMED_STATE.key()
            + "' = 'true' (the new operators start empty); or start without the checkpoint"
            + " (unset " + CheckpointingOptions.RECOVERY_PATH.key() + "). DataStream programs"
            + " can keep operators' state across changes by giving them ids with uid(...).");
  }

  /**
   * The job's operators of the same kind as the checkpoint's operator {@code key} that find no
   * state in it: what took its place, so the message shows which operator changed.
   */
  private static String inItsPlace(
      String key, CompletedCheckpoint checkpoint, Map<String, StreamNode> nodes) {
    String uid = OperatorKeys.uidOf(key);
    if (uid == null) {
      return "";
    }
    List<String> replacements = new ArrayList<>();
    nodes.forEach((nodeKey, node) -> {
      if (node.uid() != null && uid.startsWith(node.name() + "-")
          && !checkpoint.operators().containsKey(nodeKey)) {
        replacements.add(OperatorKeys.describe(nodeKey));
      }
    });
    return replacements.isEmpty()
        ? ""
        : " (this job has " + String.join(", ", replacements) + " in its place)";
  }

  /** Whether a list state of an operator is in-flight data. */
  public static boolean isInFlightState(String name) {
    return name.startsWith(IN_FLIGHT_STATE_PREFIX);
  }

  /** What subtask {@code subtask} of {@code vertex} restores from {@code checkpoint}. */
  public static TaskRestore forSubtask(
      CompletedCheckpoint checkpoint, JobVertex vertex, int subtask, int maxParallelism) {
    KeyGroupRange range = KeyGroups.rangeOf(maxParallelism, vertex.parallelism(), subtask);
    Map<String, OperatorRestore> operators = new HashMap<>();
    for (StreamNode node : vertex.nodes()) {
      OperatorState state = checkpoint.operators().get(OperatorKeys.of(node));
      if (state != null) {
        operators.put(
            state.operatorKey(),
            new OperatorRestore(
                keyedHandles(state, range),
                listStates(checkpoint, state, vertex, subtask)));
      }
    }
    return new TaskRestore(checkpoint.jobId(), checkpoint.checkpointId(), checkpoint.directory(), operators);
  }

  private static List<KeyedStateHandle> keyedHandles(OperatorState state, KeyGroupRange range) {
    List<KeyedStateHandle> handles = new ArrayList<>();
    for (OperatorSubtaskState s : state.subtasks().values()) {
      KeyedStateHandle handle = s.keyed();
      if (handle != null) {
        KeyGroupRange stored = handle.keyGroupRange();
        if (stored.first() <= range.last() && range.first() <= stored.last()) {
          handles.add(handle);
        }
      }
    }
    return handles;
  }

  private static Map<String, List<byte[]>> listStates(
      CompletedCheckpoint checkpoint, OperatorState state, JobVertex vertex, int subtask) {
    int parallelism = vertex.parallelism();
    Map<String, List<byte[]>> all = new HashMap<>();
    for (OperatorSubtaskState s : state.subtasks().values()) {
      s.listStates().forEach((name, elements) ->
          all.computeIfAbsent(name, n -> new ArrayList<>()).addAll(elements));
    }
    Map<String, List<byte[]>> mine = new HashMap<>();
    OperatorSubtaskState own = state.subtasks().get(subtask);
    for (Map.Entry<String, List<byte[]>> e : all.entrySet()) {
      if (e.getKey().startsWith(UNION_STATE_PREFIX)) {
        mine.put(e.getKey(), List.copyOf(e.getValue()));
      } else if (state.parallelism() == parallelism) {
        List<byte[]> elements = own == null ? null : own.listStates().get(e.getKey());
        mine.put(e.getKey(), elements == null ? List.of() : elements);
      } else if (!isInFlightState(e.getKey())) {
        List<byte[]> elements = e.getValue();
        int from = (int) ((long) subtask * elements.size() / parallelism);
        int to = (int) ((long) (subtask + 1) * elements.size() / parallelism);
        mine.put(e.getKey(), List.copyOf(elements.subList(from, to)));
      }
    }
    // Only a task's head operator holds in-flight data: it was queued at the task's inputs.
    if (state.parallelism() != parallelism
        && state.operatorKey().equals(OperatorKeys.of(vertex.head()))) {
      mine.putAll(redistributedInFlightData(checkpoint, state, vertex, subtask));
    }
    return mine;
  }

  private static Map<String, List<byte[]>> redistributedInFlightData(
      CompletedCheckpoint checkpoint, OperatorState state, JobVertex vertex, int subtask) {
    try {
      return InFlightRedistribution.forSubtask(state, vertex, subtask);
    } catch (IllegalArgumentException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalArgumentException(
          "Checkpoint " + checkpoint.name() + " of job " + checkpoint.jobId() + " holds records"
              + " in flight to '" + vertex.name() + "' that cannot be redistributed to its new"
              + " parallelism " + vertex.parallelism() + ": " + e.getMessage()
              + ". Restore at parallelism " + state.parallelism() + ", the one that took it.",
          e);
    }
  }
}
