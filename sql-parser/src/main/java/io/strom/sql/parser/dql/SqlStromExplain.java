package io.strom.sql.parser.dql;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code EXPLAIN [PLAN FOR | detail, ...] statement}, where the statement is a query, an INSERT or
 * a statement set, and a detail asks for more than the plan (for instance CHANGELOG_MODE).
 */
public final class SqlStromExplain extends SqlCall {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("EXPLAIN", SqlKind.EXPLAIN);

  /** Extra information EXPLAIN can show. */
  public enum Detail {
    ESTIMATED_COST,
    CHANGELOG_MODE,
    JSON_EXECUTION_PLAN,
    PLAN_ADVICE
  }

  private final SqlNode statement;
  private final Set<Detail> details;
  private final boolean planFor;

  /** @param planFor whether {@code PLAN FOR} was written (then there are no details) */
  public SqlStromExplain(
      SqlParserPos pos, SqlNode statement, Set<Detail> details, boolean planFor) {
    super(pos);
    this.statement = requireNonNull(statement, "statement");
    this.details =
        details.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(details));
    if (planFor && !details.isEmpty()) {
      throw new IllegalArgumentException("EXPLAIN PLAN FOR takes no details");
    }
    this.planFor = planFor;
  }

  public SqlNode statement() {
    return statement;
  }

  /** The details asked for, in declaration order. */
  public Set<Detail> details() {
    return details;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of(statement);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("EXPLAIN");
    if (planFor) {
      writer.keyword("PLAN FOR");
    }
    if (!details.isEmpty()) {
      SqlWriter.Frame frame = writer.startList("", "");
      for (Detail detail : details) {
        writer.sep(",");
        writer.keyword(detail.name());
      }
      writer.endList(frame);
    }
    writer.newlineAndIndent();
    statement.unparse(writer, 0, 0);
  }
}
