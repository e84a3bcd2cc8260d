package io.strom.codegen.expr;

import org.apache.calcite.rel.type.RelDataType;

/**
 * Generated Java code of one SQL expression: statements to run, then a boolean term telling
 * whether the value is NULL and a term holding the value (in its internal Java type) when not.
 *
 * @param code statements that compute the terms; may be empty
 * @param nullTerm a boolean Java expression, {@code "false"} when the value is never NULL
 * @param valueTerm a Java expression of {@link JavaTypes#of} the type; meaningless when NULL
 * @param type the SQL type of the expression
 */
public record GeneratedExpr(String code, String nullTerm, String valueTerm, RelDataType type) {

  /** An expression without statements, e.g. a literal. */
  public static GeneratedExpr constant(String valueTerm, RelDataType type) {
    return new GeneratedExpr("", "false", valueTerm, type);
  }

  /** True when the value can never be NULL. */
  public boolean neverNull() {
    return nullTerm.equals("false");
  }
}
