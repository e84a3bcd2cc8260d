package io.strom.codegen.expr;

import io.strom.codegen.UnsupportedExpressionException;
import io.strom.codegen.functions.ScalarFunctionSqlFunction;
import java.util.Locale;
import org.apache.calcite.rex.RexCall;

/** Dispatches each function call to its code generator, by SQL kind or by name. */
final class CallGenerators {
  private static final String S = StringGenerators.S;
  private static final String R = StringGenerators.R;

  private CallGenerators() {}

  static GeneratedExpr generate(ExprCodeGenerator g, RexCall call) {
    if (call.getOperator() instanceof ScalarFunctionSqlFunction udf) {
      return UdfGenerator.generate(g, call, udf);
    }
    switch (call.getKind()) {
      case AND: return LogicGenerators.and(g, call);
      case OR: return LogicGenerators.or(g, call);
      case NOT: return LogicGenerators.not(g, call);
      case CASE: return LogicGenerators.caseWhen(g, call);
      case COALESCE: return LogicGenerators.coalesce(g, call);
      case IS_NULL:
      case IS_NOT_NULL:
      case IS_TRUE:
      case IS_NOT_TRUE:
      case IS_FALSE:
      case IS_NOT_FALSE: return LogicGenerators.is(g, call);
      case EQUALS:
      case NOT_EQUALS:
      case LESS_THAN:
      case LESS_THAN_OR_EQUAL:
      case GREATER_THAN:
      case GREATER_THAN_OR_EQUAL: return ComparisonGenerators.compare(g, call);
      case IS_DISTINCT_FROM:
      case IS_NOT_DISTINCT_FROM: return ComparisonGenerators.distinct(g, call);
      case CAST: return CastGenerator.cast(g, call, false);
      case SAFE_CAST: return CastGenerator.cast(g, call, true);
      case PLUS:
      case MINUS:
      case TIMES:
      case DIVIDE:
      case MOD: return ArithmeticGenerators.binary(g, call);
      case MINUS_PREFIX: return ArithmeticGenerators.negate(g, call);
      case PLUS_PREFIX: return g.generate(call.getOperands().get(0));
      case REINTERPRET: return ArithmeticGenerators.reinterpret(g, call);
      case FLOOR:
      case CEIL: {
        boolean floor = call.getKind() == org.apache.calcite.sql.SqlKind.FLOOR;
        return call.getOperands().size() == 2
            ? TemporalGenerators.floorCeil(g, call, floor)
            : ArithmeticGenerators.floorCeil(g, call, floor);
      }
      case LIKE: return StringGenerators.like(g, call, false);
      case SIMILAR: return StringGenerators.like(g, call, true);
      case TRIM: return StringGenerators.trim(g, call);
      case POSITION: return StringGenerators.locate(g, call);
      case EXTRACT: return TemporalGenerators.extract(g, call);
      case ITEM: return CollectionGenerators.item(g, call);
      case ARRAY_VALUE_CONSTRUCTOR: return CollectionGenerators.arrayConstructor(g, call);
      case MAP_VALUE_CONSTRUCTOR: return CollectionGenerators.mapConstructor(g, call);
      case ROW: return CollectionGenerators.rowConstructor(g, call);
      case JSON_VALUE_EXPRESSION: return g.generate(call.getOperands().get(0));
      default: return byName(g, call);
    }
  }

  private static GeneratedExpr byName(ExprCodeGenerator g, RexCall call) {
    String name = call.getOperator().getName().toUpperCase(Locale.ROOT);
    switch (name) {
      case "/INT": return ArithmeticGenerators.binary(g, call);
      case "||":
      case "CONCAT": return StringGenerators.concat(g, call);
      case "CONCAT_WS": return StringGenerators.concatWs(g, call);
      case "SUBSTRING":
      case "SUBSTR": return StringGenerators.function(g, call, S + "substring", false);
      case "UPPER": return StringGenerators.function(g, call, S + "upper", false);
      case "LOWER": return StringGenerators.function(g, call, S + "lower", false);
      case "LTRIM": return StringGenerators.function(g, call, S + "ltrim", false);
      case "RTRIM": return StringGenerators.function(g, call, S + "rtrim", false);
      case "LPAD": return StringGenerators.function(g, call, S + "lpad", true);
      case "RPAD": return StringGenerators.function(g, call, S + "rpad", true);
      case "REPLACE": return StringGenerators.function(g, call, S + "replace", false);
      case "CHAR_LENGTH":
      case "CHARACTER_LENGTH": return StringGenerators.function(g, call, S + "charLength", false);
      case "LOCATE": return StringGenerators.locate(g, call);
      case "REGEXP": return StringGenerators.function(g, call, R + "regexp", true);
      case "REGEXP_EXTRACT": return StringGenerators.regexpExtract(g, call);
      case "REGEXP_REPLACE": return StringGenerators.function(g, call, R + "regexpReplace", true);
      case "SPLIT_INDEX": return StringGenerators.function(g, call, S + "splitIndex", true);
      case "SPLIT": return StringGenerators.function(g, call, S + "split", false);
      case "STR_TO_MAP": return StringGenerators.function(g, call, S + "strToMap", false);
      case "INITCAP": return StringGenerators.function(g, call, S + "initcap", false);
      case "MD5": return StringGenerators.function(g, call, S + "md5", false);
      case "SHA1": return StringGenerators.function(g, call, S + "sha1", false);
      case "SHA224": return StringGenerators.function(g, call, S + "sha224", false);
      case "SHA256": return StringGenerators.function(g, call, S + "sha256", false);
      case "SHA384": return StringGenerators.function(g, call, S + "sha384", false);
      case "SHA512": return StringGenerators.function(g, call, S + "sha512", false);
      case "SHA2": return StringGenerators.function(g, call, S + "sha2", false);
      case "REVERSE": return StringGenerators.function(g, call, S + "reverse", false);
      case "REPEAT": return StringGenerators.function(g, call, S + "repeat", false);
      case "ASCII": return StringGenerators.function(g, call, S + "ascii", false);
      case "CHR": return StringGenerators.function(g, call, S + "chr", false);
      case "ABS": return ArithmeticGenerators.abs(g, call);
      case "SIGN": return ArithmeticGenerators.sign(g, call);
      case "POWER": return ArithmeticGenerators.doubleFunction(g, call, "Math.pow");
      case "SQRT": return ArithmeticGenerators.doubleFunction(g, call, "Math.sqrt");
      case "LN": return ArithmeticGenerators.doubleFunction(g, call, "Math.log");
      case "LOG10": return ArithmeticGenerators.doubleFunction(g, call, "Math.log10");
      case "LOG2": return ArithmeticGenerators.doubleFunction(
          g, call, "io.strom.runtime.functions.MathFunctions.log2");
      case "LOG": return ArithmeticGenerators.doubleFunction(g, call,
          call.getOperands().size() == 1 ? "Math.log" : "io.strom.runtime.functions.MathFunctions.log");
      case "EXP": return ArithmeticGenerators.doubleFunction(g, call, "Math.exp");
      case "PI": return GeneratedExpr.constant("Math.PI", call.getType());
      case "ROUND": return ArithmeticGenerators.round(g, call, "round");
      case "TRUNCATE": return ArithmeticGenerators.round(g, call, "truncate");
      case "RAND": return ArithmeticGenerators.random(g, call, false);
      case "RAND_INTEGER": return ArithmeticGenerators.random(g, call, true);
      case "CURRENT_TIMESTAMP":
      case "PROCTIME":
      case "NOW":
      case "LOCALTIMESTAMP":
      case "CURRENT_DATE":
      case "CURRENT_TIME":
      case "LOCALTIME": return TemporalGenerators.now(g, call, name);
      case "DATE_FORMAT": return TemporalGenerators.dateFormat(g, call);
      case "TO_TIMESTAMP": return TemporalGenerators.function(g, call, "toTimestamp", true, false);
      case "TO_DATE": return TemporalGenerators.function(g, call, "toDate", true, false);
      case "TO_TIMESTAMP_LTZ": return TemporalGenerators.toTimestampLtz(g, call);
      case "UNIX_TIMESTAMP": return TemporalGenerators.unixTimestamp(g, call);
      case "FROM_UNIXTIME": return TemporalGenerators.fromUnixtime(g, call);
      case "JSON_VALUE": return JsonGenerators.jsonValue(g, call);
      case "JSON_QUERY": return JsonGenerators.jsonQuery(g, call);
      case "JSON_EXISTS": return JsonGenerators.jsonExists(g, call);
      case "JSON_OBJECT": return JsonGenerators.constructor(g, call, true);
      case "JSON_ARRAY": return JsonGenerators.constructor(g, call, false);
      case "HASH_CODE": return hashCode(g, call);
      case "CARDINALITY": return CollectionGenerators.cardinality(g, call);
      case "ARRAY_CONTAINS": return CollectionGenerators.arrayContains(g, call);
      case "MAP_KEYS": return CollectionGenerators.mapPart(g, call, "mapKeys");
      case "MAP_VALUES": return CollectionGenerators.mapPart(g, call, "mapValues");
      case "ARRAY_DISTINCT": return ArrayFunctionGenerators.unary(g, call, "distinct");
      case "ARRAY_REVERSE": return ArrayFunctionGenerators.unary(g, call, "reverse");
      case "ARRAY_REMOVE": return ArrayFunctionGenerators.search(g, call, "remove", false);
      case "ARRAY_POSITION": return ArrayFunctionGenerators.search(g, call, "position", true);
      case "ARRAY_CONCAT": return ArrayFunctionGenerators.combine(g, call, "concat");
      case "ARRAY_UNION": return ArrayFunctionGenerators.combine(g, call, "union");
      case "ARRAY_SLICE": return ArrayFunctionGenerators.slice(g, call);
      case "ARRAY_MAX": return ArrayFunctionGenerators.extreme(g, call, "max");
      case "ARRAY_MIN": return ArrayFunctionGenerators.extreme(g, call, "min");
      case "ARRAY_JOIN": return ArrayFunctionGenerators.join(g, call);
      case "MAP_ENTRIES": return ArrayFunctionGenerators.mapEntries(g, call);
      case "MAP_FROM_ARRAYS": return ArrayFunctionGenerators.mapFromArrays(g, call);
      case "MAP_UNION": return ArrayFunctionGenerators.mapUnion(g, call);
      case "IS JSON VALUE":
      case "IS JSON SCALAR":
      case "IS JSON ARRAY":
      case "IS JSON OBJECT":
      case "IS NOT JSON VALUE":
      case "IS NOT JSON SCALAR":
      case "IS NOT JSON ARRAY":
      case "IS NOT JSON OBJECT": return JsonGenerators.isJson(g, call, name);
      case "ELEMENT": return CollectionGenerators.element(g, call);
      default: throw UnsupportedExpressionException.function(call.getOperator().getName());
    }
  }

  /** {@code HASH_CODE(x)}: the value's content hash, 0 for NULL; see {@code InternalFunctions}. */
  private static GeneratedExpr hashCode(ExprCodeGenerator g, RexCall call) {
    GeneratedExpr a = g.generate(call.getOperands().get(0));
    String v = a.valueTerm();
    String hash = switch (JavaTypes.of(a.type())) {
      case "boolean" -> "Boolean.hashCode(" + v + ")";
      case "byte", "short", "int" -> "Integer.hashCode(" + v + ")";
      case "long" -> "Long.hashCode(" + v + ")";
      case "float" -> "Float.hashCode(" + v + ")";
      case "double" -> "Double.hashCode(" + v + ")";
      case "byte[]" -> "java.util.Arrays.hashCode(" + v + ")";
      case JavaTypes.STRING, JavaTypes.DECIMAL, JavaTypes.TIMESTAMP -> v + ".hashCode()";
      default -> throw new UnsupportedExpressionException(
          "HASH_CODE of " + a.type().getSqlTypeName() + " values is not supported");
    };
    return new GeneratedExpr(a.code(), "false",
        "(" + a.nullTerm() + " ? 0 : " + hash + ")", call.getType());
  }
}
