package io.strom.runtime.sql.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Slices of HOP (slide 10, size 30) and CUMULATE (step 10, size 30), offset by 3 ms. */
class WindowSlicesTest {
  private final WindowSlices hop = new WindowSlices(SqlWindow.hop(10, 30, 3));
  private final WindowSlices cumulate = new WindowSlices(SqlWindow.cumulate(10, 30, 3));

  @Test
  void aSliceIsOneStepAlignedLikeTheWindows() {
    assertThat(hop.sliceStart(3)).isEqualTo(3);
    assertThat(hop.sliceStart(12)).isEqualTo(3);
    assertThat(hop.sliceStart(-1)).isEqualTo(-7);
    assertThat(cumulate.sliceStart(25)).isEqualTo(23);
  }

  @Test
  void aHopWindowIsItsLastSizeOverStepSlices() {
    assertThat(hop.windowStart(43)).isEqualTo(13);
    assertThat(hop.firstSliceEnd(43)).isEqualTo(23);
    assertThat(hop.lastWindowEnd(23)).isEqualTo(43);
  }

  @Test
  void aCumulateWindowRunsFromItsPeriodsStart() {
    assertThat(cumulate.windowStart(23)).isEqualTo(3);
    assertThat(cumulate.windowStart(33)).isEqualTo(3);
    assertThat(cumulate.windowStart(43)).isEqualTo(33);
    assertThat(cumulate.firstSliceEnd(33)).isEqualTo(13);
    assertThat(cumulate.lastWindowEnd(13)).isEqualTo(33);
    assertThat(cumulate.lastWindowEnd(33)).isEqualTo(33);
    assertThat(cumulate.lastWindowEnd(43)).isEqualTo(63);
  }

  @Test
  void theFirstWindowAfterTheWatermarkSkipsWindowsThatHaveFired() {
    assertThat(hop.firstWindowEndAfter(23, Long.MIN_VALUE)).isEqualTo(23);
    assertThat(hop.firstWindowEndAfter(23, 21)).isEqualTo(23);
    assertThat(hop.firstWindowEndAfter(23, 22)).isEqualTo(33);
    assertThat(hop.firstWindowEndAfter(23, 31)).isEqualTo(33);
    assertThat(hop.firstWindowEndAfter(23, 32)).isEqualTo(43);
  }

  @Test
  void aTumblingWindowIsOneSliceOfItsOwn() {
    WindowSlices tumble = new WindowSlices(SqlWindow.tumble(10, 3));
    assertThat(tumble.sliceStart(12)).isEqualTo(3);
    assertThat(tumble.sliceStart(13)).isEqualTo(13);
    assertThat(tumble.windowStart(23)).isEqualTo(13);
    assertThat(tumble.firstSliceEnd(23)).isEqualTo(23);
    assertThat(tumble.lastWindowEnd(23)).isEqualTo(23);
    assertThat(tumble.step()).isEqualTo(10);
  }

  @Test
  void onlyOverlappingWindowsAreSlicedOnEventTimeAndSessionsNever() {
    assertThat(WindowSlices.slices(SqlWindow.Kind.HOP)).isTrue();
    assertThat(WindowSlices.slices(SqlWindow.Kind.CUMULATE)).isTrue();
    assertThat(WindowSlices.slices(SqlWindow.Kind.TUMBLE)).isFalse();
    assertThatThrownBy(() -> new WindowSlices(SqlWindow.session(10)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
