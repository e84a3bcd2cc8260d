package io.strom.runtime.functions;

import io.strom.data.ArrayData;
import io.strom.data.GenericArray;
import io.strom.data.GenericMap;
import io.strom.data.MapData;
import io.strom.data.StringData;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Flink's string functions on non-null arguments. Positions count characters (code points) from 1.
 * A null result means SQL NULL.
 */
public final class StringFunctions {
  private StringFunctions() {}

  private static StringData of(String s) {
    return StringData.fromString(s);
  }

  /** Characters from {@code start} (1-based; negative counts from the end) to the end. */
  public static StringData substring(StringData str, long start) {
    return substring(str, start, Integer.MAX_VALUE);
  }

  /** At most {@code length} characters from {@code start} (1-based; negative counts from the end). */
  public static StringData substring(StringData str, long start, long length) {
    String s = str.toString();
    int chars = s.codePointCount(0, s.length());
    long from = start > 0 ? start - 1 : start < 0 ? chars + start : 0;
    long to = length >= Integer.MAX_VALUE ? chars : from + length;
    from = Math.max(from, 0);
    to = Math.min(to, chars);
    if (from >= to) {
      return StringData.EMPTY;
    }
    int begin = s.offsetByCodePoints(0, (int) from);
    int end = s.offsetByCodePoints(begin, (int) (to - from));
    return of(s.substring(begin, end));
  }

  public static StringData upper(StringData str) {
    return of(str.toString().toUpperCase(Locale.ROOT));
  }

  public static StringData lower(StringData str) {
    return of(str.toString().toLowerCase(Locale.ROOT));
  }

  /** Removes any characters of {@code chars} from the start and/or end of {@code str}. */
  public static StringData trim(StringData str, boolean leading, boolean trailing, StringData chars) {
    String s = str.toString();
    String set = chars.toString();
    int begin = 0;
    int end = s.length();
    while (leading && begin < end && set.indexOf(s.charAt(begin)) >= 0) {
      begin++;
    }
    while (trailing && end > begin && set.indexOf(s.charAt(end - 1)) >= 0) {
      end--;
    }
    return begin == 0 && end == s.length() ? str : of(s.substring(begin, end));
  }

  public static StringData ltrim(StringData str) {
    return trim(str, true, false, of(" "));
  }

  public static StringData rtrim(StringData str) {
    return trim(str, false, true, of(" "));
  }

  /** Left-pads to {@code length} characters with {@code pad}, or truncates; null for length < 0. */
  public static StringData lpad(StringData str, long length, StringData pad) {
    return pad(str, length, pad, true);
  }

  /** Right-pads to {@code length} characters with {@code pad}, or truncates; null for length < 0. */
  public static StringData rpad(StringData str, long length, StringData pad) {
    return pad(str, length, pad, false);
  }

  private static StringData pad(StringData str, long length, StringData pad, boolean left) {
    String s = str.toString();
    String p = pad.toString();
    if (length < 0 || length > Integer.MAX_VALUE) {
      return null;
    }
    int target = (int) length;
    if (target <= s.length()) {
      return of(s.substring(0, target));
    }
    if (p.isEmpty()) {
      return null;
    }
    StringBuilder padding = new StringBuilder(target - s.length());
    while (padding.length() < target - s.length()) {
      padding.append(p, 0, Math.min(p.length(), target - s.length() - padding.length()));
    }
    return of(left ? padding + s : s + padding);
  }

  /** Replaces every occurrence of {@code search}; an empty search changes nothing. */
  public static StringData replace(StringData str, StringData search, StringData replacement) {
    String find = search.toString();
    return find.isEmpty() ? str : of(str.toString().replace(find, replacement.toString()));
  }

  public static int charLength(StringData str) {
    return str.numChars();
  }

  /** 1-based position of the first {@code needle} in {@code haystack}; 0 when absent. */
  public static int position(StringData needle, StringData haystack) {
    return locate(needle, haystack, 1);
  }

  /** 1-based position of {@code needle} in {@code haystack} at or after {@code from}; 0 when absent. */
  public static int locate(StringData needle, StringData haystack, long from) {
    if (from < 1) {
      return 0;
    }
    String h = haystack.toString();
    int chars = h.codePointCount(0, h.length());
    if (from > chars + 1) {
      return 0;
    }
    int index = h.indexOf(needle.toString(), h.offsetByCodePoints(0, (int) from - 1));
    return index < 0 ? 0 : h.codePointCount(0, index) + 1;
  }

  /** Joins all arguments; generated code returns NULL before calling when any is NULL. */
  public static StringData concat(StringData... parts) {
    StringBuilder sb = new StringBuilder();
    for (StringData part : parts) {
      sb.append(part.toString());
    }
    return of(sb.toString());
  }

  /** Joins the non-null {@code parts} with {@code separator}. */
  public static StringData concatWs(StringData separator, StringData... parts) {
    StringBuilder sb = new StringBuilder();
    boolean first = true;
    for (StringData part : parts) {
      if (part == null) {
        continue;
      }
      if (!first) {
        sb.append(separator.toString());
      }
      sb.append(part.toString());
      first = false;
    }
    return of(sb.toString());
  }

  /**
   * SPLIT: the pieces of {@code str} between occurrences of {@code delimiter}, as in Flink: empty
   * pieces are kept (a delimiter at either end or two in a row give empty strings), a string
   * without the delimiter is its own only piece, and an empty delimiter splits every character.
   */
  public static ArrayData split(StringData str, StringData delimiter) {
    String s = str.toString();
    String d = delimiter.toString();
    List<StringData> pieces = new ArrayList<>();
    if (d.isEmpty()) {
      s.codePoints().forEach(c -> pieces.add(of(new String(Character.toChars(c)))));
    } else {
      int start = 0;
      for (int at = s.indexOf(d); at >= 0; at = s.indexOf(d, start)) {
        pieces.add(of(s.substring(start, at)));
        start = at + d.length();
      }
      pieces.add(of(s.substring(start)));
    }
    return new GenericArray(pieces.toArray());
  }

  /** STR_TO_MAP(text) with Flink's default delimiters: ',' between pairs, '=' in a pair. */
  public static MapData strToMap(StringData text) {
    return strToMap(text, of(","), of("="));
  }

  /**
   * STR_TO_MAP: the pairs of {@code text}, split at the regular expression {@code listDelimiter},
   * each split once at the regular expression {@code keyValueDelimiter}, as in Flink: a pair
   * without it maps its text to NULL, a later pair replaces an earlier one of the same key, and an
   * empty text is the empty map.
   */
  public static MapData strToMap(
      StringData text, StringData listDelimiter, StringData keyValueDelimiter) {
    String s = text.toString();
    Map<StringData, StringData> pairs = new LinkedHashMap<>();
    if (!s.isEmpty()) {
      String kv = keyValueDelimiter.toString();
      for (String pair : s.split(listDelimiter.toString())) {
        String[] keyAndValue = pair.split(kv, 2);
        pairs.put(of(keyAndValue[0]), keyAndValue.length < 2 ? null : of(keyAndValue[1]));
      }
    }
    return new GenericMap(pairs);
  }

  /**
   * The {@code index}-th (0-based) piece of {@code str} split at {@code separator}, or null, as in
   * Flink: an empty string has no pieces, and an empty separator splits at every whitespace
   * character (so two spaces in a row leave an empty piece between them).
   */
  public static StringData splitIndex(StringData str, StringData separator, long index) {
    String s = str.toString();
    String sep = separator.toString();
    if (index < 0 || s.isEmpty()) {
      return null;
    }
    int start = 0;
    for (long i = 0; i < index; i++) {
      int next = nextSeparator(s, sep, start);
      if (next < 0) {
        return null;
      }
      start = next + Math.max(sep.length(), 1);
    }
    int end = nextSeparator(s, sep, start);
    return of(end < 0 ? s.substring(start) : s.substring(start, end));
  }

  /** Where the next separator starts at or after {@code from}; any whitespace if it is empty. */
  private static int nextSeparator(String s, String separator, int from) {
    if (!separator.isEmpty()) {
      return s.indexOf(separator, from);
    }
    for (int i = from; i < s.length(); i++) {
      if (Character.isWhitespace(s.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  /** Upper-cases the first letter of every word and lower-cases the rest. */
  public static StringData initcap(StringData str) {
    String s = str.toString();
    StringBuilder sb = new StringBuilder(s.length());
    boolean startOfWord = true;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      sb.append(startOfWord ? Character.toUpperCase(c) : Character.toLowerCase(c));
      startOfWord = !Character.isLetterOrDigit(c);
    }
    return of(sb.toString());
  }

  public static StringData reverse(StringData str) {
    return of(new StringBuilder(str.toString()).reverse().toString());
  }

  /** {@code str} repeated {@code times} times; empty for times below 1. */
  public static StringData repeat(StringData str, long times) {
    return times < 1 ? StringData.EMPTY : of(str.toString().repeat((int) times));
  }

  /** The code of the first character, 0 for an empty string. */
  public static int ascii(StringData str) {
    String s = str.toString();
    return s.isEmpty() ? 0 : s.codePointAt(0);
  }

  /** The character with code {@code code} modulo 256; empty for a negative code. */
  public static StringData chr(long code) {
    if (code < 0) {
      return StringData.EMPTY;
    }
    return of(String.valueOf((char) (code % 256)));
  }

  public static StringData md5(StringData str) {
    return digest("MD5", str);
  }

  public static StringData sha1(StringData str) {
    return digest("SHA-1", str);
  }

  public static StringData sha224(StringData str) {
    return digest("SHA-224", str);
  }

  public static StringData sha256(StringData str) {
    return digest("SHA-256", str);
  }

  public static StringData sha384(StringData str) {
    return digest("SHA-384", str);
  }

  public static StringData sha512(StringData str) {
    return digest("SHA-512", str);
  }

  /** The SHA-2 digest of {@code bits} length: 224, 256, 384 or 512; anything else is an error. */
  public static StringData sha2(StringData str, long bits) {
    if (bits != 224 && bits != 256 && bits != 384 && bits != 512) {
      throw new EvaluationException(
          "SHA2 supports hash lengths 224, 256, 384 and 512, got " + bits);
    }
    return digest("SHA-" + bits, str);
  }

  private static StringData digest(String algorithm, StringData str) {
    try {
      MessageDigest digest = MessageDigest.getInstance(algorithm);
      byte[] hash = digest.digest(str.toString().getBytes(StandardCharsets.UTF_8));
      return of(HexFormat.of().formatHex(hash));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("The JVM lacks the " + algorithm + " digest", e);
    }
  }
}
