package io.strom.datastream.windowing.assigners;

import io.strom.datastream.windowing.windows.Window;
import java.util.Collection;

/**
 * A window assigner whose windows grow together, as sessions do: the operator asks it to merge the
 * windows of a key each time a new window is added.
 */
public abstract class MergingWindowAssigner<T, W extends Window> extends WindowAssigner<T, W> {
  private static final long serialVersionUID = 1L;

  /** Reports to {@code callback} each group of {@code windows} that merge into one window. */
  public abstract void mergeWindows(Collection<W> windows, MergeCallback<W> callback);

  /** Receives the merges found by {@link #mergeWindows}. */
  @FunctionalInterface
  public interface MergeCallback<W> {
    /**
     * The windows {@code toBeMerged} (two or more) become {@code mergeResult}.
     *
     * @param toBeMerged the merged windows; valid only during the call
     */
    void merge(Collection<W> toBeMerged, W mergeResult);
  }
}
