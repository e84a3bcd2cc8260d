package io.strom.planner.calcite;

import io.strom.codegen.functions.WindowTableFunctions;
import io.strom.planner.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWindowTableFunction;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * Rewrites Flink's legacy group windows, {@code GROUP BY k, TUMBLE(ts, size)} (also {@code
 * HOP(ts, slide, size)} and {@code SESSION(ts, gap)}) with {@code TUMBLE_START(ts, size)} and the
 * like in the select list, into the window table functions before validation: {@code FROM
 * TABLE(TUMBLE(TABLE t, DESCRIPTOR(ts), size)) GROUP BY k, window_start, window_end}. Both forms
 * give the same rows in Flink, and the window table functions are what Strom plans.
 *
 * <p>{@code *_START} becomes {@code window_start}, {@code *_END} {@code window_end}, {@code
 * *_ROWTIME} and {@code *_PROCTIME} the time attribute {@code window_time}. A select item without
 * an alias keeps the name Calcite would have given it ({@code EXPR$2}).
 */
final class GroupWindowRewriter {
  private GroupWindowRewriter() {}

  private enum Kind {
    TUMBLE(1, WindowTableFunctions.TUMBLE),
    HOP(2, WindowTableFunctions.HOP),
    SESSION(1, WindowTableFunctions.SESSION);

    final int intervals;
    final SqlWindowTableFunction function;

    Kind(int intervals, SqlWindowTableFunction function) {
      this.intervals = intervals;
      this.function = function;
    }
  }

  /** Rewrites {@code select} when it groups by a legacy group window; nested queries are visited by the caller. */
  static void rewrite(SqlSelect select) {
    SqlNodeList group = select.getGroup();
    if (group == null) {
      return;
    }
    SqlCall window = null;
    for (SqlNode item : group) {
      if (item instanceof SqlCall call && kindOf(call.getOperator().getName()) != null) {
        if (window != null) {
          throw new ValidationException(call.getParserPosition(),
              "A GROUP BY can hold only one group window (TUMBLE, HOP or SESSION)");
        }
        window = call;
      }
    }
    if (window == null) {
      return;
    }
    Kind kind = kindOf(window.getOperator().getName());
    String name = kind.name();
    SqlParserPos pos = window.getParserPosition();
    if (window.operandCount() != kind.intervals + 1) {
      throw new ValidationException(pos, "GROUP BY " + name + " takes the time column and "
          + (kind == Kind.HOP ? "the slide and the size" : kind == Kind.TUMBLE ? "the size" : "the gap")
          + ", e.g. " + example(kind));
    }
    if (!(window.operand(0) instanceof SqlIdentifier time)) {
      throw new ValidationException(pos, "The first argument of GROUP BY " + name
          + "(...) must be a time attribute column, e.g. " + example(kind));
    }
    List<SqlNode> operands = new ArrayList<>();
    Source source = source(select.getFrom(), name);
    operands.add(source.table());
    operands.add(SqlStdOperatorTable.DESCRIPTOR.createCall(
        pos, new SqlIdentifier(time.names.get(time.names.size() - 1), time.getParserPosition())));
    operands.addAll(window.getOperandList().subList(1, window.operandCount()));
    SqlNode from = SqlStdOperatorTable.COLLECTION_TABLE.createCall(
        pos, kind.function.createCall(pos, operands));
    if (source.alias() != null) {
      from = SqlStdOperatorTable.AS.createCall(pos, from, new SqlIdentifier(source.alias(), pos));
    }
    select.setFrom(from);

    Auxiliaries auxiliaries = new Auxiliaries(kind, window);
    SqlNodeList selectList = new SqlNodeList(select.getSelectList().getParserPosition());
    for (int i = 0; i < select.getSelectList().size(); i++) {
      SqlNode item = select.getSelectList().get(i);
      SqlNode rewritten = item.accept(auxiliaries);
      if (rewritten != item && item instanceof SqlCall call && auxiliaries.isAuxiliary(call)) {
        // Keep the column's name as Calcite derives it for an expression.
        rewritten = SqlStdOperatorTable.AS.createCall(
            item.getParserPosition(), rewritten, new SqlIdentifier("EXPR$" + i, pos));
      }
      selectList.add(rewritten);
    }
    select.setSelectList(selectList);
    if (select.getHaving() != null) {
      select.setHaving(select.getHaving().accept(auxiliaries));
    }
    if (select.getOrderList() != null) {
      select.setOrderBy((SqlNodeList) select.getOrderList().accept(auxiliaries));
    }

    SqlNodeList grouping = new SqlNodeList(group.getParserPosition());
    for (SqlNode item : group) {
      if (item == window) {
        grouping.add(new SqlIdentifier(WindowTableFunctions.WINDOW_START, pos));
        grouping.add(new SqlIdentifier(WindowTableFunctions.WINDOW_END, pos));
        if (auxiliaries.usesWindowTime) {
          grouping.add(new SqlIdentifier(WindowTableFunctions.WINDOW_TIME, pos));
        }
      } else {
        grouping.add(item);
      }
    }
    select.setGroupBy(grouping);
  }

  /** The group window a function name stands for; the parser names them {@code $TUMBLE} etc. */
  private static Kind kindOf(String function) {
    String name = function.startsWith("$") ? function.substring(1) : function;
    return switch (name.toUpperCase(Locale.ROOT)) {
      case "TUMBLE" -> Kind.TUMBLE;
      case "HOP" -> Kind.HOP;
      case "SESSION" -> Kind.SESSION;
      default -> null;
    };
  }

  private static String example(Kind kind) {
    return switch (kind) {
      case TUMBLE -> "TUMBLE(ts, INTERVAL '1' MINUTE)";
      case HOP -> "HOP(ts, INTERVAL '1' MINUTE, INTERVAL '5' MINUTE)";
      case SESSION -> "SESSION(ts, INTERVAL '10' SECOND)";
    };
  }

  /** The table argument of the window function and the name its rows go by. */
  private record Source(SqlNode table, String alias) {}

  private static Source source(SqlNode from, String window) {
    SqlNode node = from;
    String alias = null;
    if (node != null && node.getKind() == SqlKind.AS) {
      SqlCall as = (SqlCall) node;
      if (as.operandCount() > 2) {
        throw new ValidationException(as.getParserPosition(), "GROUP BY " + window
            + "(...) does not take a FROM item with a column list; rename columns in a subquery");
      }
      alias = ((SqlIdentifier) as.operand(1)).getSimple();
      node = as.operand(0);
    }
    if (node instanceof SqlIdentifier table) {
      return new Source(
          SqlStdOperatorTable.EXPLICIT_TABLE.createCall(table.getParserPosition(), table),
          alias != null ? alias : table.names.get(table.names.size() - 1));
    }
    if (node != null && node.isA(SqlKind.QUERY)) {
      return new Source(node, alias);
    }
    throw new ValidationException(
        from == null ? SqlParserPos.ZERO : from.getParserPosition(),
        "GROUP BY " + window + "(...) needs one table or subquery in FROM; join in a subquery and"
            + " group its rows");
  }

  /** Replaces the window's auxiliary functions by the window table function's columns. */
  private static final class Auxiliaries extends SqlShuttle {
    private final Kind kind;
    private final SqlCall window;
    boolean usesWindowTime;

    Auxiliaries(Kind kind, SqlCall window) {
      this.kind = kind;
      this.window = window;
    }

    boolean isAuxiliary(SqlCall call) {
      return column(call.getOperator().getName()) != null;
    }

    @Override
    public SqlNode visit(SqlCall call) {
      String column = column(call.getOperator().getName());
      if (column == null) {
        return super.visit(call);
      }
      if (!call.getOperator().getName().toUpperCase(Locale.ROOT).startsWith(kind.name() + "_")
          || !sameArguments(call)) {
        throw new ValidationException(call.getParserPosition(), call.getOperator().getName()
            + " must repeat the arguments of the GROUP BY window, "
            + window.toString().replace("$", ""));
      }
      usesWindowTime |= column.equals(WindowTableFunctions.WINDOW_TIME);
      return new SqlIdentifier(column, call.getParserPosition());
    }

    private boolean sameArguments(SqlCall call) {
      if (call.operandCount() != window.operandCount()) {
        return false;
      }
      // The time column may be qualified in one place and not in the other: B.ts and ts.
      if (!(call.operand(0) instanceof SqlIdentifier time)
          || !lastName(time).equalsIgnoreCase(lastName((SqlIdentifier) window.operand(0)))) {
        return false;
      }
      for (int i = 1; i < call.operandCount(); i++) {
        if (!call.operand(i).equalsDeep(window.operand(i), org.apache.calcite.util.Litmus.IGNORE)) {
          return false;
        }
      }
      return true;
    }

    private static String lastName(SqlIdentifier id) {
      return id.names.get(id.names.size() - 1);
    }

    /** The window table function's column an auxiliary function stands for, or null. */
    private static String column(String function) {
      String name = function.toUpperCase(Locale.ROOT);
      int underscore = name.indexOf('_');
      if (underscore < 0 || kindOf(name.substring(0, underscore)) == null) {
        return null;
      }
      return switch (name.substring(underscore + 1)) {
        case "START" -> WindowTableFunctions.WINDOW_START;
        case "END" -> WindowTableFunctions.WINDOW_END;
        case "ROWTIME", "PROCTIME" -> WindowTableFunctions.WINDOW_TIME;
        default -> null;
      };
    }
  }
}
