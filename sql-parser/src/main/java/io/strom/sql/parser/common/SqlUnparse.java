package io.strom.sql.parser.common;

import java.util.List;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlWriter;

/** Helpers that Strom's nodes share to write themselves back as SQL. */
public final class SqlUnparse {
  private SqlUnparse() {}

  /** Writes {@code (a, b, c)} on one line. */
  public static void list(SqlWriter writer, List<? extends SqlNode> nodes) {
    SqlWriter.Frame frame = writer.startList("(", ")");
    for (SqlNode node : nodes) {
      writer.sep(",");
      node.unparse(writer, 0, 0);
    }
    writer.endList(frame);
  }

  /** Writes {@code (} then one element per line, then {@code )}; for long DDL lists. */
  public static void block(SqlWriter writer, List<? extends SqlNode> nodes) {
    SqlWriter.Frame frame = writer.startList("(", ")");
    for (SqlNode node : nodes) {
      writer.sep(",");
      writer.newlineAndIndent();
      writer.print("  ");
      node.unparse(writer, 0, 0);
    }
    writer.newlineAndIndent();
    writer.endList(frame);
  }

  /** Writes {@code WITH (...)} unless there are no options. */
  public static void options(SqlWriter writer, SqlNodeList options) {
    if (options.isEmpty()) {
      return;
    }
    writer.newlineAndIndent();
    writer.keyword("WITH");
    block(writer, options);
  }

  /** Writes {@code COMMENT '...'} when there is a comment. */
  public static void comment(SqlWriter writer, SqlNode comment) {
    if (comment != null) {
      writer.keyword("COMMENT");
      comment.unparse(writer, 0, 0);
    }
  }

  /** Writes a column or field type with its {@code NOT NULL}, which Calcite's spec leaves out. */
  public static void type(SqlWriter writer, SqlDataTypeSpec type) {
    type.unparse(writer, 0, 0);
    if (Boolean.FALSE.equals(type.getNullable())) {
      writer.keyword("NOT NULL");
    }
  }

  /** Writes {@code <} right after the type name that precedes it, as in {@code ARRAY<INT>}. */
  public static void openAngle(SqlWriter writer) {
    writer.setNeedWhitespace(false);
    writer.print("<");
    writer.setNeedWhitespace(false);
  }

  /** Writes the {@code ,} between the parts of an angle-bracket type. */
  public static void angleComma(SqlWriter writer) {
    writer.setNeedWhitespace(false);
    writer.print(",");
    writer.setNeedWhitespace(true);
  }

  /** Writes {@code >} right after the last part of an angle-bracket type. */
  public static void closeAngle(SqlWriter writer) {
    writer.setNeedWhitespace(false);
    writer.print(">");
    writer.setNeedWhitespace(true);
  }

  /** Writes a string literal as one literal, joining the parts of {@code 'a' 'b'}. */
  public static void string(SqlWriter writer, SqlNode literal) {
    SqlNode single =
        literal.getKind() == SqlKind.LITERAL_CHAIN ? SqlLiteral.unchain(literal) : literal;
    single.unparse(writer, 0, 0);
  }

  /** The text of a string (or other) literal, joining the parts of a continued string. */
  public static String stringValue(SqlNode literal) {
    SqlLiteral unchained = SqlLiteral.unchain(literal);
    Object value = unchained.getValueAs(String.class);
    return String.valueOf(value);
  }

  /** The text of an optional string literal, or null. */
  public static String stringValueOrNull(SqlNode literal) {
    return literal == null ? null : stringValue(literal);
  }
}
