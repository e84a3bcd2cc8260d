package io.strom.runtime.testutils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strom.runtime.time.ProcessingTimeService.Cancellable;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests of the manual processing-time service. */
class ManualProcessingTimeServiceTest {
  private final ManualProcessingTimeService service = new ManualProcessingTimeService(100);
  private final List<String> ran = new ArrayList<>();

  @Test
  void runsDueCallbacksInTimeOrderWithTheirScheduledTime() throws Exception {
    service.registerTimer(130, t -> ran.add("b@" + t));
    service.registerTimer(110, t -> ran.add("a@" + t));
    service.registerTimer(500, t -> ran.add("c@" + t));

    service.advanceTo(200);

    assertThat(ran).containsExactly("a@110", "b@130");
    assertThat(service.currentProcessingTime()).isEqualTo(200);
    assertThat(service.numScheduled()).isEqualTo(1);
  }

  @Test
  void runsCallbacksThatCallbacksScheduleWhenAlreadyDue() throws Exception {
    service.registerTimer(
        110,
        t -> {
          ran.add("first@" + t);
          service.registerTimer(150, u -> ran.add("second@" + u));
        });
    service.advanceTo(200);
    assertThat(ran).containsExactly("first@110", "second@150");
  }

  @Test
  void cancelledAndPeriodicCallbacksBehave() throws Exception {
    Cancellable cancelled = service.registerTimer(110, t -> ran.add("cancelled"));
    Cancellable periodic = service.scheduleAtFixedRate(t -> ran.add("tick@" + t), 10, 50);
    cancelled.cancel();

    service.advanceTo(210);
    periodic.cancel();
    service.advanceTo(1_000);

    assertThat(ran).containsExactly("tick@110", "tick@160", "tick@210");
  }

  @Test
  void timeCannotGoBack() {
    assertThatThrownBy(() -> service.advanceTo(99)).isInstanceOf(IllegalArgumentException.class);
  }
}
