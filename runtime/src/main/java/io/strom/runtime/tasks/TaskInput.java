package io.strom.runtime.tasks;

import io.strom.runtime.source.InputStatus;

/** What drives a task: a source reader, or the input gates of its head operator. */
interface TaskInput {

  /** Processes what is available now (a batch, or one buffer) and says what comes next. */
  InputStatus emitNext() throws Exception;

  /**
   * Handles barriers of unaligned checkpoints that overtook the queued input, without reading any
   * other input: the task calls it also while its outputs are full. Returns whether it handled any.
   */
  default boolean processPriorityEvents() throws Exception {
    return false;
  }

  /**
   * Feeds the head operator the in-flight records of the unaligned checkpoint the task restores
   * (see {@link InFlightData}), before any new input.
   *
   * @param listStates the head operator's restored list states
   */
  default void replayInFlightData(java.util.Map<String, java.util.List<byte[]>> listStates)
      throws Exception {}

  /** Releases buffers and readers; called once when the task ends, however it ends. */
  void release() throws Exception;
}
