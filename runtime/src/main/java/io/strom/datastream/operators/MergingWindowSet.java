package io.strom.datastream.operators;

import io.strom.datastream.windowing.assigners.MergingWindowAssigner;
import io.strom.datastream.windowing.windows.Window;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The live windows of one key of a merging (session) window operator, each mapped to its state
 * window: the namespace its contents are kept under. When windows merge, the result takes the state
 * window of one of them, so only the others' contents move.
 *
 * <p>The mapping itself lives in keyed state; this class is a view over it. Used on the task's
 * thread.
 */
final class MergingWindowSet<W extends Window> {
  private final HashMap<W, W> stateWindows;
  private final MergingWindowAssigner<?, W> assigner;

  /**
   * @param stateWindows the key's mapping from window to state window, changed in place
   */
  MergingWindowSet(HashMap<W, W> stateWindows, MergingWindowAssigner<?, W> assigner) {
    this.stateWindows = stateWindows;
    this.assigner = assigner;
  }

  /** The mapping, to write back to keyed state. */
  HashMap<W, W> mapping() {
    return stateWindows;
  }

  /** Where {@code window}'s contents are kept, or null when it is not a live window. */
  W stateWindow(W window) {
    return stateWindows.get(window);
  }

  /** Forgets a window that has been cleaned up. */
  void retire(W window) {
    if (stateWindows.remove(window) == null) {
      throw new IllegalStateException(
          "Bug in the window operator: retiring " + window + ", which is not a live window");
    }
  }

  /**
   * Adds a new window, merging it with live windows it overlaps. For every merge that combines
   * existing windows, {@code onMerge} is told which windows and which state windows merge, before
   * the window is returned.
   *
   * @return the window the new window ended up in: itself or a merged window
   */
  W add(W newWindow, MergeListener<W> onMerge) throws Exception {
    List<W> all = new ArrayList<>(stateWindows.keySet());
    all.add(newWindow);
    Map<W, List<W>> merges = new HashMap<>();
    // The callback's collection is valid only during the call, and merging must not change the
    // mapping while the assigner is still looking at it.
    assigner.mergeWindows(
        all, (toBeMerged, result) -> merges.put(result, new ArrayList<>(toBeMerged)));

    W resultWindow = newWindow;
    boolean merged = false;
    for (Map.Entry<W, List<W>> entry : merges.entrySet()) {
      W mergeResult = entry.getKey();
      List<W> mergedWindows = entry.getValue();
      // The new window has no state or timers, so it takes no part in merging them. Removing one
      // occurrence keeps a live window that happens to equal it.
      if (mergedWindows.remove(newWindow)) {
        merged = true;
        resultWindow = mergeResult;
      }
      mergeInto(mergeResult, mergedWindows, onMerge);
    }
    if (!merged) {
      stateWindows.put(newWindow, newWindow);
    }
    return resultWindow;
  }

  private void mergeInto(W mergeResult, List<W> mergedWindows, MergeListener<W> onMerge)
      throws Exception {
    W targetStateWindow = null;
    List<W> sourceStateWindows = new ArrayList<>();
    for (W window : mergedWindows) {
      W stateWindow = stateWindows.remove(window);
      if (targetStateWindow == null) {
        targetStateWindow = stateWindow;
      } else {
        sourceStateWindows.add(stateWindow);
      }
    }
    stateWindows.put(mergeResult, targetStateWindow);
    // A new window inside one live window leaves that window as it is: no merge to report.
    if (mergedWindows.size() == 1 && mergedWindows.get(0).equals(mergeResult)) {
      return;
    }
    onMerge.merge(mergeResult, mergedWindows, targetStateWindow, sourceStateWindows);
  }

  /** Told about each merge of live windows. */
  @FunctionalInterface
  interface MergeListener<W> {
    /**
     * @param mergeResult the window the others became
     * @param mergedWindows the live windows merged (not including the new window)
     * @param targetStateWindow where the merged contents are kept from now on
     * @param sourceStateWindows the state windows whose contents move to the target
     */
    void merge(
        W mergeResult,
        Collection<W> mergedWindows,
        W targetStateWindow,
        Collection<W> sourceStateWindows)
        throws Exception;
  }
}
