package io.strom.runtime.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WatermarkCombinerTest {
  private final List<String> events = new ArrayList<>();
  private final WatermarkCombiner.Listener listener =
      new WatermarkCombiner.Listener() {
        @Override
        public void onWatermark(long watermark) {
          events.add("wm " + watermark);
        }

        @Override
        public void onStatus(boolean idle) {
          events.add(idle ? "idle" : "active");
        }
      };

  @Test
  void emitsTheMinimumOnlyWhenItAdvances() throws Exception {
    WatermarkCombiner c = new WatermarkCombiner(2, listener);
    c.updateWatermark(0, 10);
    assertThat(events).isEmpty();
    c.updateWatermark(1, 5);
    c.updateWatermark(1, 20);
    c.updateWatermark(0, 8);
    c.updateWatermark(0, 30);
    assertThat(events).containsExactly("wm 5", "wm 10", "wm 20");
  }

  @Test
  void idleInputHoldsNothingBackAndRejoinsOnlyWhenCaughtUp() throws Exception {
    WatermarkCombiner c = new WatermarkCombiner(2, listener);
    c.updateWatermark(0, 100);
    c.updateStatus(1, true);
    assertThat(events).containsExactly("wm 100");
    c.updateWatermark(1, 50);
    c.updateWatermark(0, 200);
    assertThat(events).containsExactly("wm 100", "wm 200");
    // Active again but behind: it does not hold back input 0 until it catches up.
    c.updateWatermark(1, 150);
    c.updateWatermark(0, 300);
    assertThat(events).containsExactly("wm 100", "wm 200", "wm 300");
    c.updateWatermark(1, 350);
    c.updateWatermark(0, 400);
    assertThat(events).containsExactly("wm 100", "wm 200", "wm 300", "wm 350");
  }

  @Test
  void allInputsIdleMakeTheCombinationIdleUntilOneResumes() throws Exception {
    WatermarkCombiner c = new WatermarkCombiner(2, listener);
    c.updateStatus(0, true);
    c.updateStatus(1, true);
    c.updateStatus(1, false);
    assertThat(events).containsExactly("idle", "active");
  }

  @Test
  void finishedInputIsIgnored() throws Exception {
    WatermarkCombiner c = new WatermarkCombiner(2, listener);
    c.updateWatermark(0, 40);
    c.finishInput(1);
    assertThat(events).containsExactly("wm 40");
  }
}
