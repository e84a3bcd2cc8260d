package io.strom.connector.filesystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strom.connector.ConnectorException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Partition directory names are escaped and parsed back as Flink writes them. */
class PartitionPathsTest {

  @Test
  void escapesTheCharactersADirectoryNameCannotHold() {
    assertThat(PartitionPaths.escape("a/b=c")).isEqualTo("a%2Fb%3Dc");
    assertThat(PartitionPaths.escape("06:50")).isEqualTo("06%3A50");
    assertThat(PartitionPaths.escape("100%")).isEqualTo("100%25");
    assertThat(PartitionPaths.escape("x\ny\tz")).isEqualTo("x%0Ay%09z");
    assertThat(PartitionPaths.escape("#*?\\\"'{[]^")).isEqualTo("%23%2A%3F%5C%22%27%7B%5B%5D%5E");
    assertThat(PartitionPaths.escape("\u007F")).isEqualTo("%7F");
  }

  @Test
  void keepsOrdinaryAndNonAsciiCharacters() {
    assertThat(PartitionPaths.escape("2024-01-01 10.5_x}~")).isEqualTo("2024-01-01 10.5_x}~");
    assertThat(PartitionPaths.escape("Zürich €")).isEqualTo("Zürich €");
  }

  @Test
  void unescapingGivesBackWhatWasEscaped() {
    for (String value : List.of("a/b=c", "06:50", "100%", "x\ny", "%%41", "Zürich", "%", "%4")) {
      assertThat(PartitionPaths.unescape(PartitionPaths.escape(value))).isEqualTo(value);
    }
    // A '%' without two hex digits after it is kept as it is.
    assertThat(PartitionPaths.unescape("5%zz")).isEqualTo("5%zz");
  }

  @Test
  void aPartitionIsOneKeyValueDirectoryPerColumnInOrder() {
    assertThat(PartitionPaths.directory(List.of("dt", "hr"), List.of("2024-01-01", "3")))
        .isEqualTo("dt=2024-01-01/hr=3");
    assertThat(PartitionPaths.directory(List.of("hm"), List.of("06:50"))).isEqualTo("hm=06%3A50");
  }

  @Test
  void parsesTheValuesOfAPartitionDirectory() {
    assertThat(PartitionPaths.parse("dt=2024-01-01/hm=06%3A50", List.of("dt", "hm")))
        .containsExactly("2024-01-01", "06:50");
    assertThat(PartitionPaths.valueIn("tag=a%2Fb", "tag")).isEqualTo("a/b");
    assertThat(PartitionPaths.valueIn("other=1", "tag")).isNull();
    assertThat(PartitionPaths.valueIn("tag", "tag")).isNull();
  }

  @Test
  void refusesDirectoriesOfOtherKeys() {
    assertThatThrownBy(() -> PartitionPaths.parse("hr=3/dt=2024-01-01", List.of("dt", "hr")))
        .isInstanceOf(ConnectorException.class)
        .hasMessageContaining("is not a partition directory of the partition keys [dt, hr]");
    assertThatThrownBy(() -> PartitionPaths.parse("dt=2024-01-01", List.of("dt", "hr")))
        .isInstanceOf(ConnectorException.class);
  }
}
