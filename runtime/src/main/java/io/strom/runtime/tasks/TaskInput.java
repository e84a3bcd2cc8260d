package io.strom.runtime.tasks;

import io.strom.runtime.source.InputStatus;

/** What drives a task: a source reader, or the input gates of its head operator. */
interface TaskInput {

  /** Processes what is available now (a batch, or one buffer) and says what comes next. */
  InputStatus emitNext() throws Exception;

  /** Releases buffers and readers; called once when the task ends, however it ends. */
  void release() throws Exception;
}
