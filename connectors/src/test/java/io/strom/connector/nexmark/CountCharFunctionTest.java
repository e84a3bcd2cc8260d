package io.strom.connector.nexmark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** q14's {@code count_char}. */
class CountCharFunctionTest {
  private final CountCharFunction countChar = new CountCharFunction();

  @Test
  void countsOccurrencesOfTheFirstCharacter() {
    assertThat(countChar.eval("abcabcc", "c")).isEqualTo(3L);
    assertThat(countChar.eval("abcabcc", "cx")).isEqualTo(3L);
    assertThat(countChar.eval("", "c")).isZero();
  }

  @Test
  void nullOrEmptyArgumentsGiveNull() {
    assertThat(countChar.eval(null, "c")).isNull();
    assertThat(countChar.eval("abc", null)).isNull();
    assertThat(countChar.eval("abc", "")).isNull();
  }
}
