package io.strom.sql.parser.type;

import static java.util.Objects.requireNonNull;

import io.strom.sql.parser.common.SqlUnparse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlTypeNameSpec;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.util.Litmus;

/**
 * {@code ROW<name type [NOT NULL] ['comment'], ...>} or the same in parentheses. Unlike Calcite's
 * ROW type, a field is nullable unless declared NOT NULL, and may carry a comment.
 */
public final class SqlStromRowTypeNameSpec extends SqlTypeNameSpec {
  private final List<SqlIdentifier> names;
  private final List<SqlDataTypeSpec> types;
  private final List<SqlNode> comments;
  private final boolean angleBrackets;

  /**
   * @param comments one entry per field: its comment literal, or null
   * @param angleBrackets whether written {@code ROW<...>} rather than {@code ROW(...)}
   */
  public SqlStromRowTypeNameSpec(
      List<SqlIdentifier> names,
      List<SqlDataTypeSpec> types,
      List<SqlNode> comments,
      boolean angleBrackets,
      SqlParserPos pos) {
    super(new SqlIdentifier("ROW", pos), pos);
    if (names.size() != types.size() || names.size() != comments.size()) {
      throw new IllegalArgumentException("names, types and comments differ in number");
    }
    this.names = List.copyOf(names);
    this.types = List.copyOf(types);
    this.comments = Collections.unmodifiableList(new ArrayList<>(comments));
    this.angleBrackets = angleBrackets;
  }

  public List<SqlIdentifier> fieldNames() {
    return names;
  }

  public List<SqlDataTypeSpec> fieldTypes() {
    return types;
  }

  /** One entry per field: its comment literal, or null. */
  public List<SqlNode> fieldComments() {
    return comments;
  }

  @Override
  public RelDataType deriveType(SqlValidator validator) {
    List<String> fieldNames = new ArrayList<>();
    List<RelDataType> fieldTypes = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      fieldNames.add(names.get(i).getSimple());
      fieldTypes.add(TypeSpecs.derive(validator, requireNonNull(types.get(i))));
    }
    return validator.getTypeFactory().createStructType(fieldTypes, fieldNames);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("ROW");
    SqlWriter.Frame frame = null;
    if (angleBrackets) {
      SqlUnparse.openAngle(writer);
    } else {
      writer.setNeedWhitespace(false);
      frame = writer.startList("(", ")");
    }
    for (int i = 0; i < names.size(); i++) {
      if (angleBrackets && i > 0) {
        SqlUnparse.angleComma(writer);
      } else if (!angleBrackets) {
        writer.sep(",");
      }
      names.get(i).unparse(writer, 0, 0);
      SqlUnparse.type(writer, types.get(i));
      if (comments.get(i) != null) {
        comments.get(i).unparse(writer, 0, 0);
      }
    }
    if (angleBrackets) {
      SqlUnparse.closeAngle(writer);
    } else {
      writer.endList(frame);
    }
  }

  @Override
  public boolean equalsDeep(SqlTypeNameSpec spec, Litmus litmus) {
    if (!(spec instanceof SqlStromRowTypeNameSpec that) || that.names.size() != names.size()) {
      return litmus.fail("{} != {}", this, spec);
    }
    for (int i = 0; i < names.size(); i++) {
      if (!names.get(i).equalsDeep(that.names.get(i), litmus)
          || !types.get(i).equalsDeep(that.types.get(i), litmus)) {
        return litmus.fail("{} != {}", this, spec);
      }
    }
    return litmus.succeed();
  }
}
