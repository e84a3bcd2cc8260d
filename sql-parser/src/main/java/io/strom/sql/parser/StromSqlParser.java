package io.strom.sql.parser;

import static java.util.Objects.requireNonNull;

import io.strom.sql.parser.dml.SqlExecute;
import io.strom.sql.parser.dml.SqlStatementSet;
import io.strom.sql.parser.dml.SqlStromInsert;
import io.strom.sql.parser.impl.StromSqlParserImpl;
import io.strom.sql.parser.stmt.SqlBeginStatementSet;
import io.strom.sql.parser.stmt.SqlEndStatementSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.config.CharLiteralStyle;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.runtime.Resources;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlUtil;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Parses Strom (Flink-compatible) SQL: single statements, or whole scripts as the SQL client and
 * files hold them.
 *
 * <p>The parser configuration, {@link #config()}, follows Flink SQL so that Flink scripts parse
 * unchanged:
 *
 * <ul>
 *   <li>parser: {@link StromSqlParserImpl}, Calcite's grammar extended with Flink's DDL and
 *       statements;
 *   <li>identifiers are quoted with backticks ({@link Quoting#BACK_TICK}); string literals use
 *       single quotes;
 *   <li>keywords are case-insensitive; identifiers, quoted or not, keep the case they are written
 *       in ({@link Casing#UNCHANGED} for both) and names are matched case-sensitively, as in
 *       Flink ({@code caseSensitive = true});
 *   <li>identifiers may be up to {@value #MAX_IDENTIFIER_LENGTH} characters long;
 *   <li>conformance {@link StromSqlConformance}: Calcite's defaults plus plural time units
 *       ({@code INTERVAL '5' MINUTES}), {@code !=}, {@code %}, and inserts naming a subset of
 *       columns.
 * </ul>
 *
 * <p>A statement that does not parse raises {@link SqlParseError} with the line and column of the
 * offending token and a short message. Instances are immutable and may be shared between threads.
 */
public final class StromSqlParser {
  /** The longest identifier accepted; Flink's limit is lower, so Flink names always fit. */
  public static final int MAX_IDENTIFIER_LENGTH = 1024;

  private final SqlParser.Config config;

  /** A parser with {@link #config()}. */
  public StromSqlParser() {
    this(config());
  }

  /** A parser with a configuration derived from {@link #config()}. */
  public StromSqlParser(SqlParser.Config config) {
    this.config = requireNonNull(config, "config");
  }

  /** The configuration described in this class's documentation. */
  public static SqlParser.Config config() {
    return SqlParser.config()
        .withParserFactory(StromSqlParserImpl.FACTORY)
        .withQuoting(Quoting.BACK_TICK)
        .withUnquotedCasing(Casing.UNCHANGED)
        .withQuotedCasing(Casing.UNCHANGED)
        .withCaseSensitive(true)
        .withCharLiteralStyles(Set.of(CharLiteralStyle.STANDARD))
        .withIdentifierMaxLength(MAX_IDENTIFIER_LENGTH)
        .withConformance(StromSqlConformance.INSTANCE);
  }

  /**
   * Parses one statement; a trailing semicolon is allowed.
   *
   * @throws SqlParseError if the text is not exactly one valid statement
   */
  public SqlNode parseStatement(String sql) {
    List<SqlNode> statements = parseList(sql);
    if (statements.size() != 1) {
      SqlParserPos pos = statements.size() > 1 ? statements.get(1).getParserPosition() : null;
      throw new SqlParseError(
          statements.isEmpty()
              ? "Expected a statement, found none"
              : "Expected one statement, found " + statements.size()
                  + " (the second at line " + pos.getLineNum() + ", column "
                  + pos.getColumnNum() + "); parse several as a script",
          pos == null ? 1 : pos.getLineNum(),
          pos == null ? 1 : pos.getColumnNum(),
          pos == null ? 1 : pos.getEndLineNum(),
          pos == null ? 1 : pos.getEndColumnNum(),
          List.of(),
          null);
    }
    return statements.get(0);
  }

  /**
   * Parses a script: statements separated by semicolons, spanning lines as they like, with
   * {@code --} and {@code /* ... *}{@code /} comments. Positions in nodes and errors are relative
   * to the whole script. The SQL client's {@code BEGIN STATEMENT SET; INSERT ...; END;} comes back
   * as one {@link SqlExecute} of a {@link SqlStatementSet}.
   *
   * @throws SqlParseError at the first statement that does not parse
   */
  public List<SqlNode> parseScript(String script) {
    return foldStatementSets(parseList(script));
  }

  /**
   * Writes a node as SQL that this parser reads back into an equal node. Every identifier is
   * quoted: names the validator wrote (a view's expanded columns) are not marked as quoted, and a
   * column called {@code user} or {@code value} must not read back as a keyword.
   */
  public static String toSql(SqlNode node) {
    return node.toSqlString(
            c ->
                c.withDialect(StromSqlDialect.INSTANCE)
                    .withQuoteAllIdentifiers(true)
                    .withIndentation(2)
                    .withAlwaysUseParentheses(false))
        .getSql();
  }

  private List<SqlNode> parseList(String sql) {
    requireNonNull(sql, "sql");
    try {
      SqlNodeList list = SqlParser.create(sql, config).parseStmtList();
      return new ArrayList<>(list.getList());
    } catch (SqlParseException e) {
      throw ParseErrors.from(e, sql);
    }
  }

  /** Replaces each BEGIN STATEMENT SET ... END run by one EXECUTE STATEMENT SET. */
  private static List<SqlNode> foldStatementSets(List<SqlNode> statements) {
    List<SqlNode> result = new ArrayList<>();
    SqlNode begin = null;
    List<SqlNode> inserts = new ArrayList<>();
    for (SqlNode statement : statements) {
      SqlParserPos pos = statement.getParserPosition();
      if (statement instanceof SqlBeginStatementSet) {
        if (begin != null) {
          throw error(pos, StromParserResource.RESOURCE.nestedStatementSet());
        }
        begin = statement;
      } else if (statement instanceof SqlEndStatementSet) {
        if (begin == null) {
          throw error(pos, StromParserResource.RESOURCE.endWithoutBegin());
        }
        if (inserts.isEmpty()) {
          throw error(pos, StromParserResource.RESOURCE.emptyStatementSet());
        }
        SqlParserPos setPos = begin.getParserPosition().plus(pos);
        result.add(new SqlExecute(setPos, new SqlStatementSet(setPos, inserts)));
        begin = null;
        inserts = new ArrayList<>();
      } else if (begin != null) {
        if (!(statement instanceof SqlStromInsert)) {
          throw error(
              pos,
              StromParserResource.RESOURCE.onlyInsertInStatementSet(statement.getKind().sql));
        }
        inserts.add(statement);
      } else {
        result.add(statement);
      }
    }
    if (begin != null) {
      throw error(
          begin.getParserPosition(), StromParserResource.RESOURCE.unclosedStatementSet());
    }
    return result;
  }

  private static SqlParseError error(SqlParserPos pos, Resources.ExInst<?> message) {
    CalciteContextException e = SqlUtil.newContextException(pos, message);
    return ParseErrors.at(pos, e);
  }
}
