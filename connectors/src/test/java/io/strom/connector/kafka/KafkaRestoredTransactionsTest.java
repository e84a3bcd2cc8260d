package io.strom.connector.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each transaction of a restored checkpoint goes to exactly one subtask, the owner of its id. */
class KafkaRestoredTransactionsTest {

  /** One prepared transaction per subtask of a run at {@code parallelism}. */
  private static List<KafkaCommittable> checkpointOf(int parallelism) {
    List<KafkaCommittable> committables = new ArrayList<>();
    for (int subtask = 0; subtask < parallelism; subtask++) {
      committables.add(
          new KafkaCommittable("p-" + subtask + "-0", subtask, parallelism, 100 + subtask, (short) 1));
    }
    return committables;
  }

  private static List<String> ids(List<KafkaCommittable> committables) {
    return committables.stream().map(KafkaCommittable::transactionalId).toList();
  }

  @Test
  void unchangedParallelismKeepsEachSubtasksOwnTransactions() {
    for (int subtask = 0; subtask < 3; subtask++) {
      KafkaRestoredTransactions share = KafkaRestoredTransactions.of(checkpointOf(3), subtask, 3);
      assertThat(ids(share.toCommit())).containsExactly("p-" + subtask + "-0");
      assertThat(share.vanishedSubtasks()).isEmpty();
    }
  }

  @Test
  void smallerParallelismHandsDroppedSubtasksToTheRemainingOnes() {
    KafkaRestoredTransactions first = KafkaRestoredTransactions.of(checkpointOf(5), 0, 2);
    KafkaRestoredTransactions second = KafkaRestoredTransactions.of(checkpointOf(5), 1, 2);

    assertThat(ids(first.toCommit())).containsExactly("p-0-0", "p-2-0", "p-4-0");
    assertThat(first.vanishedSubtasks()).containsExactly(2, 4);
    assertThat(ids(second.toCommit())).containsExactly("p-1-0", "p-3-0");
    assertThat(second.vanishedSubtasks()).containsExactly(3);
  }

  @Test
  void largerParallelismLeavesTheNewSubtasksNothingToCommit() {
    assertThat(ids(KafkaRestoredTransactions.of(checkpointOf(1), 0, 2).toCommit()))
        .containsExactly("p-0-0");
    KafkaRestoredTransactions added = KafkaRestoredTransactions.of(checkpointOf(1), 1, 2);
    assertThat(added.toCommit()).isEmpty();
    assertThat(added.vanishedSubtasks()).isEmpty();
  }
}
