package io.strom.runtime.functions;

import io.strom.data.StringData;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * LIKE, SIMILAR TO and Flink's REGEXP functions, with compiled patterns cached per thread (patterns
 * are usually constants, so the cache almost always hits).
 */
public final class RegexFunctions {
  private static final int CACHE_SIZE = 64;
  private static final ThreadLocal<Map<String, Pattern>> CACHE =
      ThreadLocal.withInitial(RegexFunctions::newCache);

  private RegexFunctions() {}

  private static Map<String, Pattern> newCache() {
    return new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Pattern> eldest) {
        return size() > CACHE_SIZE;
      }
    };
  }

  /** The compiled Java regex, or null when it is invalid. */
  private static Pattern compile(String regex) {
    Map<String, Pattern> cache = CACHE.get();
    Pattern pattern = cache.get(regex);
    if (pattern == null) {
      try {
        pattern = Pattern.compile(regex);
      } catch (PatternSyntaxException e) {
        return null;
      }
      cache.put(regex, pattern);
    }
    return pattern;
  }

  /** SQL {@code LIKE} with {@code %} and {@code _}; {@code escape} may be null. */
  public static boolean like(StringData str, StringData pattern, StringData escape) {
    String key = "L" + (escape == null ? "" : escape.toString()) + "\u0000" + pattern;
    Map<String, Pattern> cache = CACHE.get();
    Pattern compiled = cache.get(key);
    if (compiled == null) {
      compiled = Pattern.compile(likeToRegex(pattern.toString(), escape), Pattern.DOTALL);
      cache.put(key, compiled);
    }
    return compiled.matcher(str.toString()).matches();
  }

  private static String likeToRegex(String pattern, StringData escape) {
    char esc = escapeChar(escape);
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == esc && esc != 0) {
        if (i + 1 >= pattern.length()) {
          throw new EvaluationException("LIKE pattern '" + pattern + "' ends with its escape");
        }
        regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
      } else if (c == '%') {
        regex.append(".*");
      } else if (c == '_') {
        regex.append('.');
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return regex.toString();
  }

  private static char escapeChar(StringData escape) {
    if (escape == null) {
      return 0;
    }
    String e = escape.toString();
    if (e.length() != 1) {
      throw new EvaluationException("The escape of LIKE must be one character, got '" + e + "'");
    }
    return e.charAt(0);
  }

  /** SQL {@code SIMILAR TO}: a regular expression where {@code %} and {@code _} are wildcards. */
  public static boolean similar(StringData str, StringData pattern, StringData escape) {
    String key = "S" + (escape == null ? "" : escape.toString()) + "\u0000" + pattern;
    Map<String, Pattern> cache = CACHE.get();
    Pattern compiled = cache.get(key);
    if (compiled == null) {
      compiled = Pattern.compile(similarToRegex(pattern.toString(), escapeChar(escape)));
      cache.put(key, compiled);
    }
    return compiled.matcher(str.toString()).matches();
  }

  private static String similarToRegex(String pattern, char esc) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == esc && esc != 0 && i + 1 < pattern.length()) {
        regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
      } else if (c == '%') {
        regex.append(".*");
      } else if (c == '_') {
        regex.append('.');
      } else if (c == '.' || c == '$' || c == '^' || c == '\\') {
        regex.append('\\').append(c);
      } else {
        regex.append(c);
      }
    }
    return regex.toString();
  }

  /** True when some part of {@code str} matches {@code regex}; null for an invalid regex. */
  public static Boolean regexp(StringData str, StringData regex) {
    Pattern pattern = compile(regex.toString());
    return pattern == null ? null : pattern.matcher(str.toString()).find();
  }

  /** Group {@code group} (0: the whole match) of the first match, or null. */
  public static StringData regexpExtract(StringData str, StringData regex, long group) {
    Pattern pattern = compile(regex.toString());
    if (pattern == null) {
      return null;
    }
    Matcher matcher = pattern.matcher(str.toString());
    if (!matcher.find() || group < 0 || group > matcher.groupCount()) {
      return null;
    }
    String value = matcher.group((int) group);
    return value == null ? null : StringData.fromString(value);
  }

  /** Replaces every match of {@code regex}; null for an invalid regex or replacement. */
  public static StringData regexpReplace(StringData str, StringData regex, StringData replacement) {
    Pattern pattern = compile(regex.toString());
    if (pattern == null) {
      return null;
    }
    try {
      return StringData.fromString(
          pattern.matcher(str.toString()).replaceAll(replacement.toString()));
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      return null;
    }
  }
}
