package io.strom.planner.plan.physical;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How expressions read in plans. */
final class PlanText {
  private static final Pattern INPUT_REF = Pattern.compile("\\$(\\d+)");

  private PlanText() {}

  /** {@code expression}'s text with input references ({@code $3}) shown as field names. */
  static String withFieldNames(String expression, List<String> names) {
    Matcher m = INPUT_REF.matcher(expression);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      int index = Integer.parseInt(m.group(1));
      String name = index < names.size() ? names.get(index) : m.group();
      m.appendReplacement(out, Matcher.quoteReplacement(name));
    }
    m.appendTail(out);
    return out.toString();
  }
}
