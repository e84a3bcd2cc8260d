package io.strom.connector.print;

import static java.util.Objects.requireNonNull;

import io.strom.data.GenericConverter;
import io.strom.data.Row;
import io.strom.datastream.sink.Sink;
import io.strom.datastream.sink.SinkWriter;
import io.strom.types.RowType;
import java.io.PrintStream;

/**
 * Prints each row on its own line as Flink's print connector does: {@code +I[1, abc]}, prefixed
 * with {@code identifier> }, or with parallelism above one {@code identifier:N> } (or {@code N> }
 * without an identifier), N counting subtasks from 1.
 */
public final class RowPrintSink implements Sink<Row> {
  private static final long serialVersionUID = 1L;

  private final String identifier;
  private final boolean standardError;
  private final RowType type;

  RowPrintSink(String identifier, boolean standardError, RowType type) {
    this.identifier = identifier == null ? "" : identifier;
    this.standardError = standardError;
    this.type = requireNonNull(type, "type");
  }

  /** The prefix of every line a writer prints. */
  static String linePrefix(String identifier, int subtaskIndex, int parallelism) {
    String prefix = identifier;
    if (parallelism > 1) {
      prefix = (prefix.isEmpty() ? "" : prefix + ":") + (subtaskIndex + 1);
    }
    return prefix.isEmpty() ? "" : prefix + "> ";
  }

  @Override
  public SinkWriter<Row> createWriter(InitContext context) {
    String prefix = linePrefix(identifier, context.subtaskIndex(), context.parallelism());
    // Printing to the console is this connector's purpose: the one place outside the shell that
    // writes to System.out / System.err. The stream is looked up when the writer starts, so tests
    // and the shell can redirect it.
    PrintStream stream = standardError ? System.err : System.out;
    return new SinkWriter<>() {
      @Override
      public void write(Row row, long timestamp) {
        stream.println(prefix + GenericConverter.format(row, type));
      }

      @Override
      public void flush() {
        stream.flush();
      }
    };
  }
}
