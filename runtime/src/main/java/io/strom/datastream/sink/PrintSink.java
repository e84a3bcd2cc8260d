package io.strom.datastream.sink;

import java.io.PrintStream;

/**
 * Prints every element on its own line to standard output (or error), as Flink does: with
 * parallelism above one each line starts with the writer's number, {@code "2> "}, after an optional
 * prefix.
 */
public final class PrintSink<T> implements Sink<T> {
  private static final long serialVersionUID = 1L;

  private final String prefix;
  private final boolean stdErr;

  public PrintSink() {
    this("", false);
  }

  public PrintSink(String prefix, boolean stdErr) {
    this.prefix = prefix == null ? "" : prefix;
    this.stdErr = stdErr;
  }

  @Override
  public SinkWriter<T> createWriter(InitContext context) {
    String linePrefix = prefix.isEmpty() ? "" : prefix + (context.parallelism() > 1 ? ":" : "> ");
    if (context.parallelism() > 1) {
      linePrefix += (context.subtaskIndex() + 1) + "> ";
    }
    // Writing to the console is this sink's purpose; the streams are looked up when it starts so
    // tests and the shell can redirect them.
    PrintStream stream = stdErr ? System.err : System.out;
    String finalPrefix = linePrefix;
    return new SinkWriter<T>() {
      @Override
      public void write(T element, long timestamp) {
        stream.println(finalPrefix + element);
      }

      @Override
      public void flush() {
        stream.flush();
      }
    };
  }
}
