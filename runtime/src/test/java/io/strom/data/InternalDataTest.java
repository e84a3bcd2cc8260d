package io.strom.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class InternalDataTest {

  @Test
  void stringsCompareAndHashOnTheirBytesWhateverTheyWrap() {
    byte[] padded = "xxhéllo€yy".getBytes(StandardCharsets.UTF_8);
    StringData view = StringData.fromBytes(padded, 2, padded.length - 4);
    StringData direct = StringData.fromString("héllo€");

    assertThat(view).isEqualTo(direct).hasSameHashCodeAs(direct);
    assertThat(view.toString()).isEqualTo("héllo€");
    assertThat(direct.numChars()).isEqualTo(6);
    assertThat(direct.sizeInBytes()).isEqualTo(9);
    assertThat(StringData.fromString(null)).isNull();
  }

  @Test
  void stringsOrderByCodePointNotBySignedBytes() {
    StringData ascii = StringData.fromString("z");
    StringData accented = StringData.fromString("é"); // first byte 0xC3 is negative when signed
    StringData emoji = StringData.fromString("😀");

    assertThat(ascii.compareTo(accented)).isNegative();
    assertThat(accented.compareTo(emoji)).isNegative();
    assertThat(StringData.fromString("ab").compareTo(StringData.fromString("abc"))).isNegative();
    assertThat(StringData.EMPTY.compareTo(StringData.fromString(""))).isZero();
  }

  @Test
  void copyOfAStringSurvivesChangesToTheOriginalBuffer() {
    byte[] buffer = "abc".getBytes(StandardCharsets.UTF_8);
    StringData view = StringData.fromBytes(buffer);
    StringData copy = view.copy();
    buffer[0] = 'X';

    assertThat(copy.toString()).isEqualTo("abc");
    assertThat(StringData.fromBytes(buffer).toString()).isEqualTo("Xbc");
  }

  @Test
  void decimalRoundsHalfUpToTheScaleAndReturnsNullOnOverflow() {
    assertThat(DecimalData.fromBigDecimal(new BigDecimal("1.005"), 5, 2).toString())
        .isEqualTo("1.01");
    assertThat(DecimalData.fromBigDecimal(new BigDecimal("123.4"), 4, 2)).isNull();
    assertThat(DecimalData.fromBigDecimal(new BigDecimal("99.99"), 4, 2)).isNotNull();
    assertThat(DecimalData.fromUnscaledLong(10_000, 4, 2)).isNull();
    assertThat(DecimalData.fromUnscaledLong(-9_999, 4, 2).toBigDecimal())
        .isEqualByComparingTo("-99.99");
  }

  @Test
  void decimalOf38DigitsIsExactAndOneMoreDigitOverflows() {
    BigDecimal max = new BigDecimal("9".repeat(36) + ".99");
    DecimalData decimal = DecimalData.fromBigDecimal(max, 38, 2);

    assertThat(decimal.isCompact()).isFalse();
    assertThat(decimal.toBigDecimal()).isEqualTo(max);
    assertThat(DecimalData.fromBigDecimal(max.add(new BigDecimal("0.01")), 38, 2)).isNull();
    assertThatThrownBy(() -> DecimalData.fromBigDecimal(max, 39, 2))
        .hasMessageContaining("precision must be 1 to 38");
  }

  @Test
  void decimalsEqualNumericallyAcrossFormsAndHashAlike() {
    DecimalData compact = DecimalData.fromBigDecimal(new BigDecimal("1.5"), 10, 2);
    DecimalData big = DecimalData.fromBigDecimal(new BigDecimal("1.5"), 30, 5);

    assertThat(compact).isEqualTo(big).hasSameHashCodeAs(big);
    assertThat(compact.toString()).isEqualTo("1.50");
    assertThat(compact.compareTo(DecimalData.fromBigDecimal(new BigDecimal("2"), 10, 2)))
        .isNegative();
  }

  @Test
  void timestampsKeepNanosAndWorkBeforeTheEpoch() {
    LocalDateTime beforeEpoch = LocalDateTime.parse("1969-12-31T23:59:59.123456789");
    TimestampData ts = TimestampData.fromLocalDateTime(beforeEpoch);

    assertThat(ts.millisecond()).isEqualTo(-877L);
    assertThat(ts.nanoOfMillisecond()).isEqualTo(456_789);
    assertThat(ts.toLocalDateTime()).isEqualTo(beforeEpoch);
    Instant instant = Instant.parse("1900-01-01T00:00:00.000000001Z");
    assertThat(TimestampData.fromInstant(instant).toInstant()).isEqualTo(instant);
    assertThat(ts.compareTo(TimestampData.fromEpochMillis(-877, 456_790))).isNegative();
    assertThat(TimestampData.fromEpochMillis(0).toString()).isEqualTo("1970-01-01T00:00");
    assertThatThrownBy(() -> TimestampData.fromEpochMillis(0, 1_000_000))
        .hasMessageContaining("nanoOfMillisecond");
  }

  @Test
  void rowKindsHaveFixedBytesAndFlinkMarkers() {
    assertThat(RowKind.values()).extracting(RowKind::shortString)
        .containsExactly("+I", "-U", "+U", "-D");
    for (RowKind kind : RowKind.values()) {
      assertThat(RowKind.fromByteValue(kind.toByteValue())).isEqualTo(kind);
    }
    assertThat(RowKind.DELETE.toByteValue()).isEqualTo((byte) 3);
    assertThatThrownBy(() -> RowKind.fromByteValue((byte) 9)).hasMessageContaining("9");
  }
}
