package io.strom.planner.testing;

import io.strom.api.functions.DataTypeHint;
import io.strom.api.functions.TableFunction;
import io.strom.data.GenericRow;
import io.strom.data.Row;

/**
 * A table function for tests: splits a string at a separator (a space unless given) and emits
 * each non-empty word with its length; emits nothing for NULL.
 */
@DataTypeHint("ROW<word STRING, length INT>")
public final class SplitFunction extends TableFunction<Row> {
  public void eval(String text) {
    eval(text, " ");
  }

  public void eval(String text, String separator) {
    if (text == null || separator == null) {
      return;
    }
    for (String word : text.split(java.util.regex.Pattern.quote(separator))) {
      if (!word.isEmpty()) {
        collect(GenericRow.of(word, word.length()));
      }
    }
  }
}
