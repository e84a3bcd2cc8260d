package io.strom.planner.testing;

import io.strom.api.functions.FunctionContext;
import io.strom.api.functions.TableFunction;

/**
 * A table function for tests that needs {@code open}: it emits its argument twice, tagged with
 * prefixes it creates when opened, and fails when called before it was opened.
 */
public final class TagFunction extends TableFunction<String> {
  private transient String[] tags;

  @Override
  public void open(FunctionContext context) {
    tags = new String[] {"a:", "b:"};
  }

  public void eval(String text) {
    if (tags == null) {
      throw new IllegalStateException("eval before open");
    }
    for (String tag : tags) {
      collect(text == null ? null : tag + text);
    }
  }

  @Override
  public void close() {
    tags = null;
  }
}
