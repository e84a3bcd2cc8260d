package io.strom.configuration;

import java.util.Locale;

/** An amount of memory in bytes, parsed from forms like {@code 32 kb} or {@code 1g}. */
public record MemorySize(long bytes) {
  public MemorySize {
    if (bytes < 0) {
      throw new IllegalArgumentException("memory size must not be negative: " + bytes);
    }
  }

  public static MemorySize ofMebiBytes(long mebiBytes) {
    return new MemorySize(mebiBytes << 20);
  }

  public static MemorySize parse(String text) {
    String t = text.trim();
    int i = 0;
    while (i < t.length() && Character.isDigit(t.charAt(i))) {
      i++;
    }
    if (i == 0) {
      throw new IllegalArgumentException("a memory size must start with a number");
    }
    long amount = Long.parseLong(t.substring(0, i));
    String unit = t.substring(i).trim().toLowerCase(Locale.ROOT);
    long factor;
    switch (unit) {
      case "":
      case "b":
      case "bytes":
        factor = 1;
        break;
      case "k":
      case "kb":
      case "kibibytes":
        factor = 1L << 10;
        break;
      case "m":
      case "mb":
      case "mebibytes":
        factor = 1L << 20;
        break;
      case "g":
      case "gb":
      case "gibibytes":
        factor = 1L << 30;
        break;
      case "t":
      case "tb":
      case "tebibytes":
        factor = 1L << 40;
        break;
      default:
        throw new IllegalArgumentException("unknown memory unit '" + unit + "'");
    }
    return new MemorySize(Math.multiplyExact(amount, factor));
  }

  public int bytesAsInt() {
    return Math.toIntExact(bytes);
  }

  @Override
  public String toString() {
    return bytes + " bytes";
  }
}
