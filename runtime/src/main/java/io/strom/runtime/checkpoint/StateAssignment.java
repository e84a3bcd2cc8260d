package io.strom.runtime.checkpoint;

import io.strom.runtime.graph.JobGraph;
import io.strom.runtime.graph.JobVertex;
import io.strom.runtime.graph.StreamNode;
import io.strom.runtime.state.KeyGroupRange;
import io.strom.runtime.state.KeyGroups;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides which state of a completed checkpoint each subtask of a job restores, also when the job
 * now runs with other parallelisms: keyed state goes by key group (a subtask reads the key groups
 * it owns from whichever files hold them), operator list state is kept per subtask when an
 * operator's parallelism is unchanged and otherwise spread evenly, in order, over the new subtasks.
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
   * in the checkpoint still exists.
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
    Set<String> keys = new LinkedHashSet<>();
    for (JobVertex vertex : job.vertices()) {
      for (StreamNode node : vertex.nodes()) {
        keys.add(OperatorKeys.of(node));
      }
    }
    List<String> missing = new ArrayList<>();
    for (String key : checkpoint.operators().keySet()) {
      if (!keys.contains(key)) {
        missing.add(OperatorKeys.describe(key));
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(
          "Checkpoint " + checkpoint.name() + " of job " + checkpoint.jobId() + " holds state"
              + " of " + (missing.size() == 1 ? "operator " : "operators ")
              + String.join(", ", missing) + ", which this job does not have: the program or"
              + " query changed where " + (missing.size() == 1 ? "that operator was" : "they were")
              + ", so the state cannot be reused. Start it from the program or query that wrote"
              + " the state, or without it (unset execution.state-recovery.path); DataStream"
              + " programs can keep operators' state across changes by giving them ids with"
              + " uid(...).");
    }
    requireUnchangedParallelismOfInFlightData(checkpoint, job);
  }

  /**
   * In-flight data belongs to the channels of the subtask that captured it, so (as in Flink) an
   * unaligned checkpoint that holds some restores only at the parallelism that took it.
   */
  private static void requireUnchangedParallelismOfInFlightData(
      CompletedCheckpoint checkpoint, JobGraph job) {
    for (JobVertex vertex : job.vertices()) {
      OperatorState state = checkpoint.operators().get(OperatorKeys.of(vertex.head()));
      if (state == null || state.parallelism() == vertex.parallelism()) {
        continue;
      }
      boolean inFlight = state.subtasks().values().stream()
          .flatMap(s -> s.listStates().entrySet().stream())
          .anyMatch(e -> e.getKey().startsWith(IN_FLIGHT_STATE_PREFIX) && !e.getValue().isEmpty());
      if (inFlight) {
        throw new IllegalArgumentException(
            "Checkpoint " + checkpoint.name() + " of job " + checkpoint.jobId() + " is an"
                + " unaligned checkpoint with records in flight to '" + vertex.name() + "', which"
                + " ran at parallelism " + state.parallelism() + " but now runs at "
                + vertex.parallelism() + ": in-flight data restores only at the parallelism that"
                + " took it. Restore at parallelism " + state.parallelism() + ", or rescale from a"
                + " savepoint (savepoints are always aligned).");
      }
    }
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
                listStates(state, vertex.parallelism(), subtask)));
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
      OperatorState state, int parallelism, int subtask) {
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
      } else {
        List<byte[]> elements = e.getValue();
        int from = (int) ((long) subtask * elements.size() / parallelism);
        int to = (int) ((long) (subtask + 1) * elements.size() / parallelism);
        mine.put(e.getKey(), List.copyOf(elements.subList(from, to)));
      }
    }
    return mine;
  }
}
