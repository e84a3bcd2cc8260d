package io.strom.runtime.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shared checkpoint files live while a retained checkpoint references them and a task could still
 * reuse them, and not longer.
 */
class SharedStateRegistryTest {
  @TempDir Path base;

  private CheckpointStorage storage;

  private StateFile shared(String name) throws Exception {
    storage = storage == null ? new CheckpointStorage(base, "job") : storage;
    Path file = storage.sharedDirectory().resolve(name);
    Files.createDirectories(file.getParent());
    Files.write(file, new byte[100]);
    return new StateFile(StateFile.SHARED_FOLDER + "/" + name, name, 100, 0);
  }

  private boolean exists(StateFile file) {
    return Files.exists(storage.jobDirectory().resolve(file.path()));
  }

  private static CompletedCheckpoint checkpoint(long id, long baseId, StateFile... files) {
    KeyedStateHandle keyed =
        new KeyedStateHandle(
            "task.state", 10, 0, 0, new long[] {0, 10},
            new NativeKeyedState(List.of(files), baseId));
    OperatorSubtaskState subtask = new OperatorSubtaskState("node:1", keyed, Map.of());
    return new CompletedCheckpoint(
        "job", id, 0, Path.of("chk-" + id), 128,
        Map.of("node:1", new OperatorState("node:1", 1, Map.of(0, subtask), null)));
  }

  @Test
  void fileIsDeletedOnceNoRetainedCheckpointReferencesItAndNoTaskCanReuseIt() throws Exception {
    StateFile a = shared("a.sst");
    StateFile b = shared("b.sst");
    StateFile c = shared("c.sst");
    StateFile d = shared("d.sst");
    SharedStateRegistry registry = new SharedStateRegistry(storage);

    CompletedCheckpoint first = checkpoint(1, -1, a, b);
    assertThat(registry.register(first)).as("all new: the state file and both tables").isEqualTo(210);
    CompletedCheckpoint second = checkpoint(2, 1, b, c);
    assertThat(registry.register(second)).as("b is reused").isEqualTo(110);
    registry.release(first); // one checkpoint retained
    registry.deleteUnusable(second);
    // A task that has not heard of checkpoint 2 yet may still reuse a from checkpoint 1.
    assertThat(exists(a)).isTrue();

    CompletedCheckpoint third = checkpoint(3, 2, c, d);
    registry.register(third);
    registry.release(second);
    registry.deleteUnusable(third);
    // Every task reuses from checkpoint 2 or later, which do not contain a; but b may still be
    // reused by a task that has not heard of checkpoint 3.
    assertThat(exists(a)).isFalse();
    assertThat(exists(b)).isTrue();
    assertThat(exists(c)).isTrue();
    assertThat(exists(d)).isTrue();
    assertThat(registry.size()).isEqualTo(3);
  }

  @Test
  void filesOfACheckpointThatNeverCompletedAreDeletedUnlessRegistered() throws Exception {
    StateFile kept = shared("kept.sst");
    StateFile orphan = shared("orphan.sst");
    SharedStateRegistry registry = new SharedStateRegistry(storage);
    registry.register(checkpoint(1, -1, kept));

    CompletedCheckpoint aborted = checkpoint(2, 1, kept, orphan);
    registry.discardUnregistered(
        new SubtaskState(1, 0, List.copyOf(aborted.operators().get("node:1").subtasks().values())));

    assertThat(exists(kept)).isTrue();
    assertThat(exists(orphan)).isFalse();
  }

  @Test
  void whenTheTasksAreGoneEveryUnreferencedFileIsDeleted() throws Exception {
    StateFile a = shared("a.sst");
    StateFile b = shared("b.sst");
    SharedStateRegistry registry = new SharedStateRegistry(storage);
    CompletedCheckpoint first = checkpoint(1, -1, a);
    registry.register(first);
    CompletedCheckpoint second = checkpoint(2, 1, b);
    registry.register(second);
    registry.release(first);
    registry.deleteUnusable(second);
    assertThat(exists(a)).isTrue();

    registry.deleteAllUnreferenced();

    assertThat(exists(a)).isFalse();
    assertThat(exists(b)).isTrue();
  }
}
