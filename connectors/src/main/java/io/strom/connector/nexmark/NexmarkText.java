package io.strom.connector.nexmark;

import io.strom.data.StringData;
import java.util.Arrays;

/**
 * The strings of Nexmark events: random lower-case words with the odd space, exact-length
 * padding, and picks from the short lists of names and places the queries filter on (few states
 * and cities, so that small runs find matches). Strings are ASCII and built straight as UTF-8
 * bytes, so no {@link String} is made per event.
 */
final class NexmarkText {
  static final StringData[] FIRST_NAMES = strings(
      "Peter", "Paul", "Luke", "John", "Saul", "Vicky", "Kate", "Julie", "Sarah", "Deiter",
      "Walter");
  static final StringData[] LAST_NAMES = strings(
      "Shultz", "Abrams", "Spencer", "White", "Bartels", "Walton", "Smith", "Jones", "Noris");
  static final StringData[] US_STATES = strings("AZ", "CA", "ID", "OR", "WA", "WY");
  static final StringData[] US_CITIES = strings(
      "Phoenix", "Los Angeles", "San Francisco", "Boise", "Portland", "Bend", "Redmond",
      "Seattle", "Kent", "Cheyenne");

  private static final int MIN_WORD_LENGTH = 3;
  /** One character in this many of a random word is a space (or the given separator). */
  private static final int SPACE_ONE_IN = 13;

  private NexmarkText() {}

  /**
   * A random word of 3 to {@code maxLength - 1} characters before trimming, with spaces (or
   * {@code space}) sprinkled in; leading and trailing spaces are trimmed, as Nexmark does.
   */
  static byte[] word(EventRandom random, int maxLength, byte space) {
    int length = MIN_WORD_LENGTH + random.nextInt(maxLength - MIN_WORD_LENGTH);
    byte[] chars = new byte[length];
    for (int i = 0; i < length; i++) {
      chars[i] = random.nextInt(SPACE_ONE_IN) == 0 ? space : (byte) ('a' + random.nextInt(26));
    }
    if (space != ' ') {
      return chars;
    }
    int from = 0;
    int to = length;
    while (from < to && chars[from] == ' ') {
      from++;
    }
    while (to > from && chars[to - 1] == ' ') {
      to--;
    }
    return from == 0 && to == length ? chars : Arrays.copyOfRange(chars, from, to);
  }

  /**
   * The length {@link #word} with spaces would have, drawing the same random numbers without
   * building it: for fields a query does not read but whose size later fields depend on.
   */
  static int wordLength(EventRandom random, int maxLength) {
    int length = MIN_WORD_LENGTH + random.nextInt(maxLength - MIN_WORD_LENGTH);
    int first = -1;
    int last = -1;
    for (int i = 0; i < length; i++) {
      if (random.nextInt(SPACE_ONE_IN) != 0) {
        random.nextInt(26);
        first = first < 0 ? i : first;
        last = i;
      }
    }
    return first < 0 ? 0 : last - first + 1;
  }

  /** {@link #word} as a string value. */
  static StringData wordString(EventRandom random, int maxLength) {
    return StringData.fromBytes(word(random, maxLength, (byte) ' '));
  }

  /**
   * Padding so that an event of {@code currentSize} bytes is {@code averageSize} bytes on average:
   * letters, 20% either side of the missing size; empty when the event is already that large.
   */
  static StringData extra(EventRandom random, int currentSize, int averageSize) {
    if (currentSize > averageSize) {
      return StringData.EMPTY;
    }
    int missing = averageSize - currentSize;
    int spread = Math.round(missing * 0.2f);
    int size = missing - spread + (spread == 0 ? 0 : random.nextInt(2 * spread));
    byte[] chars = new byte[size];
    for (int i = 0; i < size; i++) {
      chars[i] = (byte) ('a' + random.nextInt(26));
    }
    return StringData.fromBytes(chars);
  }

  /** A first and a last name from the lists, separated by a space. */
  static StringData personName(EventRandom random) {
    StringData first = pick(random, FIRST_NAMES);
    StringData last = pick(random, LAST_NAMES);
    byte[] chars = new byte[first.sizeInBytes() + 1 + last.sizeInBytes()];
    System.arraycopy(first.byteArray(), first.offset(), chars, 0, first.sizeInBytes());
    chars[first.sizeInBytes()] = ' ';
    System.arraycopy(last.byteArray(), last.offset(), chars, first.sizeInBytes() + 1,
        last.sizeInBytes());
    return StringData.fromBytes(chars);
  }

  /** {@code <word>@<word>.com}. */
  static StringData email(EventRandom random) {
    byte[] user = word(random, 7, (byte) ' ');
    byte[] domain = word(random, 5, (byte) ' ');
    byte[] chars = new byte[user.length + 1 + domain.length + 4];
    System.arraycopy(user, 0, chars, 0, user.length);
    chars[user.length] = '@';
    System.arraycopy(domain, 0, chars, user.length + 1, domain.length);
    int at = user.length + 1 + domain.length;
    chars[at] = '.';
    chars[at + 1] = 'c';
    chars[at + 2] = 'o';
    chars[at + 3] = 'm';
    return StringData.fromBytes(chars);
  }

  /** Four groups of four digits separated by spaces, e.g. {@code 0042 1234 9999 0001}. */
  static StringData creditCard(EventRandom random) {
    byte[] chars = new byte[19];
    for (int group = 0; group < 4; group++) {
      int value = random.nextInt(10_000);
      int at = group * 5;
      for (int digit = 3; digit >= 0; digit--) {
        chars[at + digit] = (byte) ('0' + value % 10);
        value /= 10;
      }
      if (group < 3) {
        chars[at + 4] = ' ';
      }
    }
    return StringData.fromBytes(chars);
  }

  static StringData pick(EventRandom random, StringData[] values) {
    return values[random.nextInt(values.length)];
  }

  private static StringData[] strings(String... values) {
    StringData[] result = new StringData[values.length];
    for (int i = 0; i < values.length; i++) {
      result[i] = StringData.fromString(values[i]);
    }
    return result;
  }
}
