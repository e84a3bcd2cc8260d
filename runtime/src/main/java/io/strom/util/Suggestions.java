package io.strom.util;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Finds the candidate closest to a misspelt name, for "Did you mean ...?" hints. */
public final class Suggestions {
  private Suggestions() {}

  /**
   * The candidate closest to {@code given} by edit distance (a swap of neighbours counts as one
   * edit; ties go to the longer common prefix; case is ignored), if it is close enough to be a
   * plausible typo: at most a quarter of the longer name's length (at least 1, for names of 3 or
   * more characters at least 2), or one name is a prefix of the other that is at least 3
   * characters long.
   */
  public static Optional<String> closest(String given, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    int bestPrefix = -1;
    String wanted = given.toLowerCase(Locale.ROOT);
    for (String candidate : candidates) {
      if (candidate.equals(given)) {
        continue;
      }
      String lower = candidate.toLowerCase(Locale.ROOT);
      int distance = distance(wanted, lower);
      int prefix = commonPrefix(wanted, lower);
      boolean better = distance < bestDistance || (distance == bestDistance && prefix > bestPrefix);
      if (better && isPlausible(wanted, lower, distance)) {
        best = candidate;
        bestDistance = distance;
        bestPrefix = prefix;
      }
    }
    return Optional.ofNullable(best);
  }

  private static int commonPrefix(String a, String b) {
    int n = 0;
    while (n < a.length() && n < b.length() && a.charAt(n) == b.charAt(n)) {
      n++;
    }
    return n;
  }

  private static boolean isPlausible(String given, String candidate, int distance) {
    int longer = Math.max(given.length(), candidate.length());
    int limit = Math.max(longer >= 3 ? 2 : 1, longer / 4);
    if (distance <= limit) {
      return true;
    }
    int shorter = Math.min(given.length(), candidate.length());
    return shorter >= 3 && (candidate.startsWith(given) || given.startsWith(candidate));
  }

  /** The optimal string alignment distance: insertions, deletions, substitutions and swaps. */
  public static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int value = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          value = Math.min(value, d[i - 2][j - 2] + 1);
        }
        d[i][j] = value;
      }
    }
    return d[a.length()][b.length()];
  }
}
