package io.strom.table.api;

import io.strom.types.Row;
import java.util.Iterator;

/**
 * The rows of a result as they come. Closing it before the end cancels the query's job; always
 * close it (try-with-resources) when not reading to the end.
 */
public interface CloseableRowIterator extends Iterator<Row>, AutoCloseable {
  @Override
  void close();
}
