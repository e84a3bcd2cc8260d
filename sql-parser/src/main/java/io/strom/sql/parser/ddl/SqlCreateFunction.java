package io.strom.sql.parser.ddl;

import static java.util.Objects.requireNonNull;

import io.strom.sql.parser.common.SqlUnparse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.sql.SqlCreate;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;

/**
 * {@code CREATE [TEMPORARY [SYSTEM]] FUNCTION [IF NOT EXISTS] name AS 'class' [LANGUAGE JAVA |
 * SCALA | PYTHON | SQL] [USING JAR 'path', ...]}.
 */
public final class SqlCreateFunction extends SqlCreate {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("CREATE FUNCTION", SqlKind.CREATE_FUNCTION);

  /** The language the function is written in. */
  public enum Language {
    JAVA,
    SCALA,
    PYTHON,
    SQL
  }

  private final SqlIdentifier name;
  private final SqlNode className;
  private final Language language;
  private final SqlNodeList jars;
  private final boolean temporary;
  private final boolean system;

  /** @param language the LANGUAGE given, or null (Java is meant) */
  public SqlCreateFunction(
      SqlParserPos pos,
      SqlIdentifier name,
      SqlNode className,
      Language language,
      SqlNodeList jars,
      boolean temporary,
      boolean system,
      boolean ifNotExists) {
    super(OPERATOR, pos, false, ifNotExists);
    this.name = requireNonNull(name, "name");
    this.className = requireNonNull(className, "className");
    this.language = language;
    this.jars = requireNonNull(jars, "jars");
    if (system && !temporary) {
      throw new IllegalArgumentException("a SYSTEM function is TEMPORARY");
    }
    this.temporary = temporary;
    this.system = system;
  }

  public SqlIdentifier name() {
    return name;
  }

  /** The implementing class (or, for Python, the qualified function). */
  public String className() {
    return SqlUnparse.stringValue(className);
  }

  /** The language as written; empty when omitted, which means Java. */
  public Optional<Language> language() {
    return Optional.ofNullable(language);
  }

  public List<String> jars() {
    List<String> paths = new ArrayList<>();
    for (SqlNode jar : jars) {
      paths.add(SqlUnparse.stringValue(jar));
    }
    return paths;
  }

  public boolean isTemporary() {
    return temporary;
  }

  public boolean isSystem() {
    return system;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(name, className, jars);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("CREATE");
    if (temporary) {
      writer.keyword("TEMPORARY");
    }
    if (system) {
      writer.keyword("SYSTEM");
    }
    writer.keyword("FUNCTION");
    if (ifNotExists) {
      writer.keyword("IF NOT EXISTS");
    }
    name.unparse(writer, 0, 0);
    writer.keyword("AS");
    className.unparse(writer, 0, 0);
    if (language != null) {
      writer.keyword("LANGUAGE");
      writer.keyword(language.name());
    }
    if (!jars.isEmpty()) {
      writer.keyword("USING");
      SqlWriter.Frame frame = writer.startList("", "");
      for (SqlNode jar : jars) {
        writer.sep(",");
        writer.keyword("JAR");
        jar.unparse(writer, 0, 0);
      }
      writer.endList(frame);
    }
  }
}
