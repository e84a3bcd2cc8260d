package io.strom.planner.print;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** Timestamps show as Flink's shell shows them, the fraction as long as the type's precision. */
class RowCellsTest {
  @Test
  void timestampsShowTheirPrecision() {
    LocalDateTime t = LocalDateTime.of(2024, 1, 1, 10, 0, 5, 120_000_000);
    assertThat(RowCells.timestamp(t, 3)).isEqualTo("2024-01-01 10:00:05.120");
    assertThat(RowCells.timestamp(t, 0)).isEqualTo("2024-01-01 10:00:05");
    assertThat(RowCells.timestamp(t, 6)).isEqualTo("2024-01-01 10:00:05.120000");
  }
}
