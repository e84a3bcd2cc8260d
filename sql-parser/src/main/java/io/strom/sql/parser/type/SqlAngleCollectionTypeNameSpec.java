package io.strom.sql.parser.type;

import static java.util.Objects.requireNonNull;

import io.strom.sql.parser.common.SqlUnparse;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlTypeNameSpec;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.util.Litmus;

/**
 * {@code ARRAY<element>} or {@code MULTISET<element>}, whose element may be declared NOT NULL
 * (Calcite's own postfix form, {@code INT ARRAY}, cannot say that).
 */
public final class SqlAngleCollectionTypeNameSpec extends SqlTypeNameSpec {
  private final SqlTypeName kind;
  private final SqlDataTypeSpec element;

  public SqlAngleCollectionTypeNameSpec(
      SqlTypeName kind, SqlDataTypeSpec element, SqlParserPos pos) {
    super(new SqlIdentifier(requireNonNull(kind, "kind").name(), pos), pos);
    if (kind != SqlTypeName.ARRAY && kind != SqlTypeName.MULTISET) {
      throw new IllegalArgumentException("not a collection: " + kind);
    }
    this.kind = kind;
    this.element = requireNonNull(element, "element");
  }

  public SqlTypeName kind() {
    return kind;
  }

  public SqlDataTypeSpec element() {
    return element;
  }

  @Override
  public RelDataType deriveType(SqlValidator validator) {
    RelDataTypeFactory factory = validator.getTypeFactory();
    RelDataType elementType = TypeSpecs.derive(validator, element);
    return kind == SqlTypeName.ARRAY
        ? factory.createArrayType(elementType, -1)
        : factory.createMultisetType(elementType, -1);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword(kind.name());
    SqlUnparse.openAngle(writer);
    SqlUnparse.type(writer, element);
    SqlUnparse.closeAngle(writer);
  }

  @Override
  public boolean equalsDeep(SqlTypeNameSpec spec, Litmus litmus) {
    if (!(spec instanceof SqlAngleCollectionTypeNameSpec that)
        || that.kind != kind
        || !element.equalsDeep(that.element, litmus)) {
      return litmus.fail("{} != {}", this, spec);
    }
    return litmus.succeed();
  }
}
