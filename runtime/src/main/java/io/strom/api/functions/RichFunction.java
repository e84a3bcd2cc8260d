package io.strom.api.functions;

/**
 * A function with a lifecycle: {@link #open} runs before the first element on the instance's task
 * thread, {@link #close} after the last, also when the job fails or is cancelled.
 */
public interface RichFunction extends Function {
  default void open(RuntimeContext context) throws Exception {}

  default void close() throws Exception {}
}
