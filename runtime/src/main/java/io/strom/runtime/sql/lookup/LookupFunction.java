package io.strom.runtime.sql.lookup;

import io.strom.data.BinaryRow;
import io.strom.data.Row;
import java.io.Serializable;
import java.util.List;

/**
 * Finds the rows of a table whose lookup key equals a given key: what a lookup join asks its table
 * for each probe row. A connector able to look rows up by itself (a database, a key-value store)
 * implements it directly; any bounded table can be looked up through {@link
 * FullCachingLookupFunction}, which reads it whole.
 *
 * <p>One instance per subtask (deserialized from the job), called only on the task's mailbox
 * thread.
 */
public interface LookupFunction extends Serializable {

  /** Prepares the lookups, e.g. connects or loads a cache; called before the first probe row. */
  void open(LookupContext context) throws Exception;

  /**
   * The table's rows whose key equals {@code key}, a binary row of the key's types whose fields
   * are never NULL; empty when none. The rows must not be changed and stay valid until the next
   * call. {@code key} is valid only during the call (the caller reuses it): a function that keeps
   * it, e.g. as a cache entry's key, keeps a copy ({@link BinaryRow#copy}).
   */
  List<Row> lookup(BinaryRow key) throws Exception;

  /** Releases what {@link #open} acquired. */
  default void close() throws Exception {}
}
