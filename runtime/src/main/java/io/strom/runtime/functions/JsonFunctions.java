package io.strom.runtime.functions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strom.data.ArrayData;
import io.strom.data.DecimalData;
import io.strom.data.GenericArray;
import io.strom.data.StringData;
import java.util.ArrayList;
import java.util.List;

/**
 * SQL/JSON functions: JSON_VALUE, JSON_QUERY, JSON_EXISTS, JSON_OBJECT and JSON_ARRAY, with path
 * expressions {@code [lax|strict] $.key['key'][index][*]}.
 *
 * <p>Path evaluation reports three outcomes: a value, empty (nothing matched in lax mode), or an
 * error (invalid JSON or path, or a structural mismatch in strict mode).
 */
public final class JsonFunctions {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** What to do when a path matches nothing, or evaluation fails. */
  public enum Behavior { NULL, ERROR, DEFAULT, EMPTY_ARRAY, EMPTY_OBJECT }

  /** How JSON_QUERY wraps its result in an array. */
  public enum Wrapper { WITHOUT, CONDITIONAL, UNCONDITIONAL }

  private JsonFunctions() {}

  /** Result of evaluating a path: matched nodes, or the error that stopped evaluation. */
  private record PathResult(List<JsonNode> nodes, String error) {}

  private static PathResult evaluate(StringData json, StringData path) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json.toString());
    } catch (JsonProcessingException e) {
      return new PathResult(null, "Invalid JSON text: " + json);
    }
    if (root == null) {
      return new PathResult(null, "Invalid JSON text: " + json);
    }
    String p = path.toString().trim();
    boolean strict = false;
    if (p.startsWith("strict ")) {
      strict = true;
      p = p.substring(7).trim();
    } else if (p.startsWith("lax ")) {
      p = p.substring(4).trim();
    }
    if (!p.startsWith("$")) {
      return new PathResult(null, "Invalid JSON path '" + path + "': it must start with $");
    }
    List<JsonNode> current = new ArrayList<>();
    current.add(root);
    int i = 1;
    while (i < p.length()) {
      List<JsonNode> next = new ArrayList<>();
      char c = p.charAt(i);
      String key = null;
      int index = -2;
      if (c == '.') {
        int end = i + 1;
        while (end < p.length() && p.charAt(end) != '.' && p.charAt(end) != '[') {
          end++;
        }
        key = p.substring(i + 1, end);
        i = end;
      } else if (c == '[') {
        int end = p.indexOf(']', i);
        if (end < 0) {
          return new PathResult(null, "Invalid JSON path '" + path + "'");
        }
        String inner = p.substring(i + 1, end).trim();
        i = end + 1;
        if (inner.equals("*")) {
          index = -1;
        } else if (inner.startsWith("'") || inner.startsWith("\"")) {
          key = inner.substring(1, inner.length() - 1);
        } else {
          try {
            index = Integer.parseInt(inner);
          } catch (NumberFormatException e) {
            return new PathResult(null, "Invalid JSON path '" + path + "'");
          }
        }
      } else {
        return new PathResult(null, "Invalid JSON path '" + path + "'");
      }
      for (JsonNode node : current) {
        String error = step(node, key, index, strict, next);
        if (error != null) {
          return new PathResult(null, error + " in path '" + path + "'");
        }
      }
      current = next;
    }
    return new PathResult(current, null);
  }

  private static String step(JsonNode node, String key, int index, boolean strict, List<JsonNode> out) {
    if (key != null) {
      if (key.equals("*") && node.isObject()) {
        node.elements().forEachRemaining(out::add);
      } else if (node.isObject() && node.has(key)) {
        out.add(node.get(key));
      } else if (strict) {
        return "No key '" + key + "'";
      }
    } else if (index == -1) {
      if (node.isArray()) {
        node.elements().forEachRemaining(out::add);
      } else if (strict) {
        return "Not an array";
      }
    } else if (node.isArray() && index >= 0 && index < node.size()) {
      out.add(node.get(index));
    } else if (strict) {
      return "No element " + index;
    }
    return null;
  }

  private static JsonNode single(PathResult result) {
    if (result.nodes().isEmpty()) {
      return null;
    }
    return result.nodes().size() == 1
        ? result.nodes().get(0)
        : JsonNodeFactory.instance.arrayNode().addAll(result.nodes());
  }

  /**
   * JSON_VALUE's scalar as text, before conversion to the RETURNING type; null for SQL NULL.
   * {@code onEmpty}/{@code onError} apply to a missing value and to errors respectively; their
   * DEFAULT values are applied by generated code, which gets {@link #EMPTY_DEFAULT} or {@link
   * #ERROR_DEFAULT} for them.
   */
  public static Object jsonValue(StringData json, StringData path, Behavior onEmpty, Behavior onError) {
    PathResult result = evaluate(json, path);
    if (result.error() != null) {
      return fail(onError, result.error());
    }
    JsonNode node = single(result);
    if (node == null || node.isNull() || node.isMissingNode()) {
      return onEmpty == Behavior.ERROR
          ? fail(Behavior.ERROR, "No value at JSON path '" + path + "'")
          : onEmpty == Behavior.DEFAULT ? EMPTY_DEFAULT : null;
    }
    if (node.isContainerNode()) {
      return fail(onError, "JSON_VALUE needs a scalar at path '" + path + "', found " + node);
    }
    return StringData.fromString(node.asText());
  }

  /** Returned by {@link #jsonValue} when the DEFAULT of ON EMPTY applies. */
  public static final Object EMPTY_DEFAULT = new Object();

  /** Returned by {@link #jsonValue} when the DEFAULT of ON ERROR applies. */
  public static final Object ERROR_DEFAULT = new Object();

  private static Object fail(Behavior behavior, String message) {
    switch (behavior) {
      case ERROR: throw new EvaluationException(message);
      case DEFAULT: return ERROR_DEFAULT;
      case EMPTY_ARRAY: return StringData.fromString("[]");
      case EMPTY_OBJECT: return StringData.fromString("{}");
      default: return null;
    }
  }

  /** JSON_QUERY: the object or array at {@code path} as JSON text, or per the behaviors. */
  public static StringData jsonQuery(
      StringData json, StringData path, Wrapper wrapper, Behavior onEmpty, Behavior onError) {
    Object found = query(json, path, wrapper, onEmpty, onError);
    return found instanceof JsonNode node
        ? StringData.fromString(node.toString()) : (StringData) found;
  }

  /**
   * JSON_QUERY ... RETURNING ARRAY&lt;STRING&gt;: the elements of the array at {@code path}, scalars
   * as their text, objects and arrays as JSON text, JSON nulls as NULL; a value that is no array
   * is an error, handled per {@code onError}.
   */
  public static ArrayData jsonQueryArray(
      StringData json, StringData path, Wrapper wrapper, Behavior onEmpty, Behavior onError) {
    Object found = query(json, path, wrapper, onEmpty, onError);
    if (found instanceof JsonNode node && !node.isArray()) {
      found = fail(onError, "JSON_QUERY ... RETURNING ARRAY needs an array at path '" + path
          + "', found " + node);
    }
    if (found == null) {
      return null;
    }
    if (!(found instanceof JsonNode array)) {
      // The text of the EMPTY ARRAY or EMPTY OBJECT behavior.
      if (!found.toString().equals("[]")) {
        throw new EvaluationException(
            "JSON_QUERY ... RETURNING ARRAY cannot return " + found + "; use EMPTY ARRAY or NULL");
      }
      return new GenericArray(new Object[0]);
    }
    Object[] elements = new Object[array.size()];
    for (int i = 0; i < elements.length; i++) {
      JsonNode element = array.get(i);
      elements[i] = element.isNull() ? null : StringData.fromString(
          element.isValueNode() ? element.asText() : element.toString());
    }
    return new GenericArray(elements);
  }

  /**
   * The container at {@code path} of a JSON_QUERY as a {@link JsonNode}, wrapped as asked; or,
   * when there is none or it is a scalar, what {@code onEmpty} or {@code onError} give instead.
   */
  private static Object query(
      StringData json, StringData path, Wrapper wrapper, Behavior onEmpty, Behavior onError) {
    PathResult result = evaluate(json, path);
    if (result.error() != null) {
      return fail(onError, result.error());
    }
    JsonNode node = single(result);
    if (node == null) {
      return fail(onEmpty, "No value at JSON path '" + path + "'");
    }
    if (wrapper == Wrapper.UNCONDITIONAL
        || wrapper == Wrapper.CONDITIONAL && !node.isContainerNode()) {
      node = JsonNodeFactory.instance.arrayNode().add(node);
    }
    if (!node.isContainerNode()) {
      return fail(onError, "JSON_QUERY needs an object or array at path '" + path
          + "', found " + node);
    }
    return node;
  }

  /** Reads one whole JSON text; anything after the value makes it invalid. */
  private static final com.fasterxml.jackson.databind.ObjectReader WHOLE_TEXT =
      MAPPER.readerFor(JsonNode.class)
          .with(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /**
   * {@code IS JSON [VALUE | SCALAR | ARRAY | OBJECT]}: whether the text is valid JSON of that
   * kind ({@code kind} is one of those names); NULL text is not JSON.
   */
  public static boolean isJson(StringData text, String kind) {
    if (text == null) {
      return false;
    }
    JsonNode node;
    try {
      node = WHOLE_TEXT.readValue(text.toString());
    } catch (java.io.IOException e) {
      return false;
    }
    if (node == null || node.isMissingNode()) {
      return false;
    }
    switch (kind) {
      case "OBJECT": return node.isObject();
      case "ARRAY": return node.isArray();
      case "SCALAR": return node.isValueNode();
      default: return true;
    }
  }

  /**
   * JSON_EXISTS: whether {@code path} matches something; on an error the result is {@code
   * onError}: "TRUE", "FALSE", "UNKNOWN" (NULL) or "ERROR" (raise it).
   */
  public static Boolean jsonExists(StringData json, StringData path, String onError) {
    PathResult result = evaluate(json, path);
    if (result.error() != null) {
      switch (onError) {
        case "ERROR": throw new EvaluationException(result.error());
        case "UNKNOWN": return null;
        case "TRUE": return Boolean.TRUE;
        default: return Boolean.FALSE;
      }
    }
    return !result.nodes().isEmpty();
  }

  /**
   * JSON_OBJECT from alternating keys and values (Java values: String, Long, Double, Boolean,
   * DecimalData, or {@link RawJson} for nested JSON); NULL values are kept as JSON null or dropped.
   */
  public static StringData jsonObject(boolean nullOnNull, Object... keysAndValues) {
    ObjectNode object = JsonNodeFactory.instance.objectNode();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      Object value = keysAndValues[i + 1];
      if (keysAndValues[i] == null) {
        throw new EvaluationException("JSON_OBJECT keys must not be NULL");
      }
      if (value != null || nullOnNull) {
        object.set(keysAndValues[i].toString(), toNode(value));
      }
    }
    return StringData.fromString(object.toString());
  }

  /** JSON_ARRAY of Java values as in {@link #jsonObject}. */
  public static StringData jsonArray(boolean nullOnNull, Object... values) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    for (Object value : values) {
      if (value != null || nullOnNull) {
        array.add(toNode(value));
      }
    }
    return StringData.fromString(array.toString());
  }

  /** JSON text to embed as is, rather than as a string, in JSON_OBJECT and JSON_ARRAY. */
  public record RawJson(StringData json) {}

  private static JsonNode toNode(Object value) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (value == null) {
      return f.nullNode();
    } else if (value instanceof RawJson raw) {
      try {
        return MAPPER.readTree(raw.json().toString());
      } catch (JsonProcessingException e) {
        throw new EvaluationException("Invalid JSON text: " + raw.json(), e);
      }
    } else if (value instanceof Boolean b) {
      return f.booleanNode(b);
    } else if (value instanceof Long || value instanceof Integer
        || value instanceof Short || value instanceof Byte) {
      return f.numberNode(((Number) value).longValue());
    } else if (value instanceof Double || value instanceof Float) {
      return f.numberNode(((Number) value).doubleValue());
    } else if (value instanceof DecimalData d) {
      return f.numberNode(d.toBigDecimal());
    }
    return f.textNode(value.toString());
  }
}
