package io.strom.runtime.tasks;

import io.strom.runtime.time.Watermarks;
import java.util.Arrays;

/**
 * Combines the watermarks of several inputs (network channels, source splits, or the two inputs of
 * an operator) into one: the minimum over inputs that are active and caught up. An idle input
 * holds nothing back; when every input is idle the combination is idle too. An input that becomes
 * active again only counts once its watermark reaches the one already emitted, so the combined
 * watermark never goes back. Finished inputs are ignored.
 *
 * <p>Called only on the task's thread.
 */
public final class WatermarkCombiner {

  /** Receives the combined watermark and status changes. */
  public interface Listener {
    void onWatermark(long watermark) throws Exception;

    void onStatus(boolean idle) throws Exception;
  }

  private final Listener listener;
  private long[] watermarks = new long[0];
  private boolean[] idle = new boolean[0];
  private boolean[] finished = new boolean[0];
  private int size;
  private long emitted = Watermarks.NONE;
  private boolean emittedIdle;

  public WatermarkCombiner(int initialInputs, Listener listener) {
    this.listener = listener;
    for (int i = 0; i < initialInputs; i++) {
      addInput();
    }
  }

  /** Adds an input that starts active with no watermark; returns its index. */
  public int addInput() {
    if (size == watermarks.length) {
      int capacity = Math.max(4, size * 2);
      watermarks = Arrays.copyOf(watermarks, capacity);
      idle = Arrays.copyOf(idle, capacity);
      finished = Arrays.copyOf(finished, capacity);
    }
    watermarks[size] = Watermarks.NONE;
    return size++;
  }

  public long currentWatermark() {
    return emitted;
  }

  public void updateWatermark(int input, long watermark) throws Exception {
    if (finished[input]) {
      return;
    }
    if (idle[input]) {
      idle[input] = false;
      updateStatus();
    }
    if (watermark > watermarks[input]) {
      watermarks[input] = watermark;
      emitIfAdvanced();
    }
  }

  public void updateStatus(int input, boolean isIdle) throws Exception {
    if (finished[input] || idle[input] == isIdle) {
      return;
    }
    idle[input] = isIdle;
    updateStatus();
    emitIfAdvanced();
  }

  /**
   * Emits the status the inputs give now: idle when every input is idle or finished, which holds
   * too when there is no input at all (a source reader without splits), and active again once an
   * input was added.
   */
  public void refreshStatus() throws Exception {
    updateStatus();
  }

  /** The input ended: it no longer holds back the watermark. */
  public void finishInput(int input) throws Exception {
    if (finished[input]) {
      return;
    }
    finished[input] = true;
    emitIfAdvanced();
  }

  private void updateStatus() throws Exception {
    boolean allIdle = true;
    for (int i = 0; i < size; i++) {
      if (!idle[i] && !finished[i]) {
        allIdle = false;
        break;
      }
    }
    if (allIdle != emittedIdle) {
      emittedIdle = allIdle;
      listener.onStatus(allIdle);
    }
  }

  private void emitIfAdvanced() throws Exception {
    long min = Long.MAX_VALUE;
    boolean any = false;
    for (int i = 0; i < size; i++) {
      if (!idle[i] && !finished[i] && watermarks[i] >= emitted) {
        any = true;
        if (watermarks[i] < min) {
          min = watermarks[i];
        }
      }
    }
    if (any && min > emitted) {
      emitted = min;
      listener.onWatermark(min);
    }
  }
}
