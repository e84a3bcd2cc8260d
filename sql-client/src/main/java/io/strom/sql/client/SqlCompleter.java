package io.strom.sql.client;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Completes what is typed at the shell's prompt: a quoted word completes to an option key; a
 * dotted word to the databases of a catalog, the tables of a database or the columns of a table;
 * any other word to keywords, functions, catalogs, the current database's tables and the columns
 * of the tables the statement names. Keywords and functions are offered in the case typed.
 */
final class SqlCompleter implements Completer {
  private final SessionMetadata metadata;

  SqlCompleter(SessionMetadata metadata) {
    this.metadata = metadata;
  }

  @Override
  public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
    for (String value : candidates(line.word(), line.words())) {
      candidates.add(new Candidate(value, value, null, null, null, null, !value.endsWith(".")));
    }
  }

  /** The completions of {@code word}, given the other words of the statement. */
  List<String> candidates(String word, List<String> words) {
    Set<String> result = new LinkedHashSet<>();
    if (word.startsWith("'")) {
      for (String key : metadata.optionKeys()) {
        result.add("'" + key + "'");
      }
    } else if (word.contains(".")) {
      qualified(word, result);
    } else {
      boolean lower = !word.isEmpty() && Character.isLowerCase(word.charAt(0));
      for (String keyword : SqlKeywords.ALL) {
        result.add(lower ? keyword.toLowerCase(Locale.ROOT) : keyword);
      }
      for (String function : metadata.functions()) {
        result.add(lower ? function.toLowerCase(Locale.ROOT) : function);
      }
      result.addAll(metadata.tables());
      for (String catalog : metadata.catalogs()) {
        result.add(catalog + ".");
      }
      for (String other : words) {
        if (!other.equals(word) && !other.isEmpty() && !other.startsWith("'")) {
          result.addAll(metadata.columns(List.of(other.split("\\."))));
        }
      }
    }
    List<String> matching = new ArrayList<>();
    for (String candidate : result) {
      if (candidate.regionMatches(true, 0, word, 0, word.length())) {
        matching.add(candidate);
      }
    }
    return matching;
  }

  /** {@code catalog.} → its databases, {@code catalog.db.} → its tables, {@code table.} → columns. */
  private void qualified(String word, Set<String> result) {
    List<String> parts = new ArrayList<>(Arrays.asList(word.split("\\.", -1)));
    parts.remove(parts.size() - 1);
    String prefix = String.join(".", parts) + ".";
    for (String column : metadata.columns(parts)) {
      result.add(prefix + column);
    }
    if (parts.size() == 1 && metadata.catalogs().contains(parts.get(0))) {
      for (String database : metadata.databases(parts.get(0))) {
        result.add(prefix + database + ".");
      }
    }
    if (parts.size() == 2) {
      for (String table : metadata.tables(parts.get(0), parts.get(1))) {
        result.add(prefix + table);
      }
    }
  }
}
