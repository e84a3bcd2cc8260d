package io.strom.codegen.types;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * Calcite's expression builder, except that casts of literals to or from strings, decimals and
 * intervals are kept as CAST calls rather than folded by Calcite, whose folding differs from
 * Flink (it rounds decimals down and prints intervals and timestamps its own way). Code generation
 * then applies Flink's rules; constant reduction may fold them later with the same rules.
 */
public class StromRexBuilder extends RexBuilder {

  public StromRexBuilder(RelDataTypeFactory typeFactory) {
    super(typeFactory);
  }

  @Override
  public RexNode makeCast(SqlParserPos pos, RelDataType type, RexNode exp,
      boolean matchNullability, boolean safe, RexLiteral format) {
    if (exp instanceof RexLiteral literal && !literal.isNull() && keepCast(literal.getType(), type)) {
      RelDataType target = matchNullability
          ? getTypeFactory().createTypeWithNullability(type, exp.getType().isNullable() || safe)
          : type;
      return makeAbstractCast(pos, target, exp, safe, format);
    }
    return super.makeCast(pos, type, exp, matchNullability, safe, format);
  }

  /**
   * A literal of exactly {@code type}: a value computed at planning time keeps the type of the
   * expression it replaces (a VARCHAR stays VARCHAR, where Calcite would make a CHAR literal).
   */
  public RexLiteral makeTypedLiteral(Comparable<?> value, RelDataType type, SqlTypeName typeName) {
    return makeLiteral(value, type, typeName);
  }

  private static boolean keepCast(RelDataType from, RelDataType to) {
    if (from.getSqlTypeName() == to.getSqlTypeName()
        && from.getPrecision() == to.getPrecision() && from.getScale() == to.getScale()) {
      return false;
    }
    return SqlTypeUtil.isCharacter(from) || SqlTypeUtil.isCharacter(to)
        || to.getSqlTypeName() == SqlTypeName.DECIMAL
        || SqlTypeUtil.isInterval(from) || SqlTypeUtil.isInterval(to);
  }
}
