package io.strom.connector.kafka;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * The share of a restored checkpoint's transactions that one exactly-once sink subtask takes care
 * of, whatever the parallelism before and after the restore.
 *
 * <p>Transactional ids belong to the subtask that opened them ({@code <prefix>-<subtask>-<slot>}),
 * and a restored subtask aborts what is open under its own ids when it starts writing. A
 * transaction of the checkpoint must therefore be committed by the subtask that owns its id, and
 * before it starts: committed elsewhere, the owner's abort could come first and lose it. So the
 * ids of subtask {@code j} of the run that wrote the checkpoint go to subtask {@code j mod
 * parallelism}: unchanged for subtasks that still exist, while the ids of subtasks a smaller
 * parallelism dropped go to one that remains, which commits their transactions and then aborts
 * what else they left open.
 *
 * @param toCommit the checkpoint's transactions this subtask commits
 * @param vanishedSubtasks subtasks of the earlier run that no longer exist and whose ids this
 *     subtask cleans up
 */
record KafkaRestoredTransactions(List<KafkaCommittable> toCommit, List<Integer> vanishedSubtasks) {

  KafkaRestoredTransactions {
    toCommit = List.copyOf(toCommit);
    vanishedSubtasks = List.copyOf(vanishedSubtasks);
  }

  /**
   * The share of subtask {@code subtask} of {@code parallelism} in {@code restored}, the
   * transactions of all subtasks that wrote the checkpoint.
   */
  static KafkaRestoredTransactions of(
      List<KafkaCommittable> restored, int subtask, int parallelism) {
    requireNonNull(restored, "restored");
    List<KafkaCommittable> toCommit = new ArrayList<>();
    int restoredParallelism = 0;
    for (KafkaCommittable committable : restored) {
      restoredParallelism = Math.max(restoredParallelism, committable.parallelism());
      if (ownerOf(committable.subtask(), parallelism) == subtask) {
        toCommit.add(committable);
      }
    }
    List<Integer> vanished = new ArrayList<>();
    for (int old = parallelism; old < restoredParallelism; old++) {
      if (ownerOf(old, parallelism) == subtask) {
        vanished.add(old);
      }
    }
    return new KafkaRestoredTransactions(toCommit, vanished);
  }

  private static int ownerOf(int restoredSubtask, int parallelism) {
    return restoredSubtask % parallelism;
  }
}
