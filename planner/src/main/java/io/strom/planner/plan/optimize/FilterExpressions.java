package io.strom.planner.plan.optimize;

import io.strom.connector.expressions.CallExpression;
import io.strom.connector.expressions.CallExpression.Operator;
import io.strom.connector.expressions.FieldReference;
import io.strom.connector.expressions.ResolvedExpression;
import io.strom.connector.expressions.ValueLiteral;
import io.strom.planner.calcite.PlannerTypes;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;

/**
 * Turns a filter conjunct into the form connectors see ({@link ResolvedExpression}): field
 * references, literals of simple types, comparisons, AND/OR/NOT, IS [NOT] NULL and IN. Anything
 * else (functions, casts, literals of other types) has no such form, and the conjunct is not
 * offered to the source.
 */
final class FilterExpressions {
  private final RelDataType scanType;
  private final PlannerTypes types;
  private final RexBuilder rex;

  FilterExpressions(RelDataType scanType, PlannerTypes types, RexBuilder rex) {
    this.scanType = scanType;
    this.types = types;
    this.rex = rex;
  }

  /** The conjunct in the connectors' form, or null when it has none. */
  ResolvedExpression convert(RexNode conjunct) {
    // IN lists and ranges reach here as SEARCH; spelled out, they are ORs of comparisons.
    return toExpression(RexUtil.expandSearch(rex, null, conjunct));
  }

  private ResolvedExpression toExpression(RexNode node) {
    if (node instanceof RexInputRef ref) {
      RelDataType type = scanType.getFieldList().get(ref.getIndex()).getType();
      return new FieldReference(
          ref.getIndex(), scanType.getFieldNames().get(ref.getIndex()), types.toLogicalType(type));
    }
    if (node instanceof RexLiteral literal) {
      return literal(literal);
    }
    if (!(node instanceof RexCall call)) {
      return null;
    }
    Operator operator = operator(call.getKind());
    if (operator == null) {
      return null;
    }
    List<ResolvedExpression> operands = new ArrayList<>();
    for (RexNode operand : call.getOperands()) {
      ResolvedExpression converted = toExpression(operand);
      if (converted == null) {
        return null;
      }
      operands.add(converted);
    }
    return new CallExpression(operator, operands);
  }

  private static Operator operator(SqlKind kind) {
    return switch (kind) {
      case EQUALS -> Operator.EQUALS;
      case NOT_EQUALS -> Operator.NOT_EQUALS;
      case LESS_THAN -> Operator.LESS_THAN;
      case LESS_THAN_OR_EQUAL -> Operator.LESS_THAN_OR_EQUAL;
      case GREATER_THAN -> Operator.GREATER_THAN;
      case GREATER_THAN_OR_EQUAL -> Operator.GREATER_THAN_OR_EQUAL;
      case AND -> Operator.AND;
      case OR -> Operator.OR;
      case NOT -> Operator.NOT;
      case IS_NULL -> Operator.IS_NULL;
      case IS_NOT_NULL -> Operator.IS_NOT_NULL;
      default -> null;
    };
  }

  private ResolvedExpression literal(RexLiteral literal) {
    if (literal.getType().getSqlTypeName() == org.apache.calcite.sql.type.SqlTypeName.NULL) {
      return null;
    }
    io.strom.types.LogicalType type = types.toLogicalType(literal.getType());
    if (literal.isNull()) {
      return new ValueLiteral(null, type);
    }
    Object value = switch (literal.getType().getSqlTypeName()) {
      case BOOLEAN -> literal.getValueAs(Boolean.class);
      case TINYINT -> literal.getValueAs(Byte.class);
      case SMALLINT -> literal.getValueAs(Short.class);
      case INTEGER -> literal.getValueAs(Integer.class);
      case BIGINT -> literal.getValueAs(Long.class);
      case DECIMAL -> literal.getValueAs(BigDecimal.class);
      case FLOAT, REAL -> literal.getValueAs(Float.class);
      case DOUBLE -> literal.getValueAs(Double.class);
      case CHAR, VARCHAR -> literal.getValueAs(String.class);
      default -> null;
    };
    return value == null ? null : new ValueLiteral(value, type);
  }
}
