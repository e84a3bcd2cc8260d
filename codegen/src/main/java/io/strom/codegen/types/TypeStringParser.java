package io.strom.codegen.types;

import io.strom.types.DataTypes;
import io.strom.types.LogicalType;
import io.strom.types.RowType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses SQL type strings such as {@code DECIMAL(10, 2)}, {@code ARRAY<STRING>}, {@code MAP<STRING,
 * INT>}, {@code ROW<a INT, b STRING>} or {@code TIMESTAMP_LTZ(3) NOT NULL}, as written in {@link
 * io.strom.api.functions.DataTypeHint}.
 */
public final class TypeStringParser {
  private final String text;
  private int pos;

  private TypeStringParser(String text) {
    this.text = text;
  }

  /** The type {@code text} names; throws IllegalArgumentException naming the problem. */
  public static LogicalType parse(String text) {
    TypeStringParser parser = new TypeStringParser(text);
    LogicalType type = parser.type();
    parser.skipSpaces();
    if (parser.pos != text.length()) {
      throw parser.error("unexpected '" + text.substring(parser.pos) + "'");
    }
    return type;
  }

  private LogicalType type() {
    String name = word().toUpperCase(Locale.ROOT);
    LogicalType type;
    switch (name) {
      case "BOOLEAN": type = DataTypes.BOOLEAN(); break;
      case "TINYINT": type = DataTypes.TINYINT(); break;
      case "SMALLINT": type = DataTypes.SMALLINT(); break;
      case "INT":
      case "INTEGER": type = DataTypes.INT(); break;
      case "BIGINT": type = DataTypes.BIGINT(); break;
      case "FLOAT": type = DataTypes.FLOAT(); break;
      case "DOUBLE": type = DataTypes.DOUBLE(); break;
      case "STRING": type = DataTypes.STRING(); break;
      case "BYTES": type = DataTypes.BYTES(); break;
      case "DATE": type = DataTypes.DATE(); break;
      case "DECIMAL": {
        int[] args = numbers(10, 0);
        type = DataTypes.DECIMAL(args[0], args[1]);
        break;
      }
      case "VARCHAR": type = DataTypes.VARCHAR(numbers(1, -1)[0]); break;
      case "CHAR": type = DataTypes.CHAR(numbers(1, -1)[0]); break;
      case "TIME": type = DataTypes.TIME(numbers(0, -1)[0]); break;
      case "TIMESTAMP": type = DataTypes.TIMESTAMP(numbers(6, -1)[0]); break;
      case "TIMESTAMP_LTZ": type = DataTypes.TIMESTAMP_LTZ(numbers(6, -1)[0]); break;
      case "ARRAY": {
        expect('<');
        LogicalType element = type();
        expect('>');
        type = DataTypes.ARRAY(element);
        break;
      }
      case "MAP": {
        expect('<');
        LogicalType key = type();
        expect(',');
        LogicalType value = type();
        expect('>');
        type = DataTypes.MAP(key, value);
        break;
      }
      case "ROW": type = row(); break;
      default: throw error("unknown type " + name);
    }
    return notNull() ? type.copy(false) : type;
  }

  private RowType row() {
    expect('<');
    List<RowType.RowField> fields = new ArrayList<>();
    do {
      String name = word();
      fields.add(new RowType.RowField(name, type()));
    } while (accept(','));
    expect('>');
    return new RowType(fields);
  }

  private boolean notNull() {
    int saved = pos;
    if (word().equalsIgnoreCase("NOT") && word().equalsIgnoreCase("NULL")) {
      return true;
    }
    pos = saved;
    return false;
  }

  /** Optional {@code (a[, b])}; {@code second} -1 when only one number is allowed. */
  private int[] numbers(int first, int second) {
    int[] result = {first, second};
    if (accept('(')) {
      result[0] = Integer.parseInt(word());
      if (second >= 0 && accept(',')) {
        result[1] = Integer.parseInt(word());
      }
      expect(')');
    }
    return result;
  }

  private String word() {
    skipSpaces();
    int start = pos;
    while (pos < text.length()
        && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
      pos++;
    }
    return text.substring(start, pos);
  }

  private boolean accept(char c) {
    skipSpaces();
    if (pos < text.length() && text.charAt(pos) == c) {
      pos++;
      return true;
    }
    return false;
  }

  private void expect(char c) {
    if (!accept(c)) {
      throw error("expected '" + c + "'");
    }
  }

  private void skipSpaces() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private IllegalArgumentException error(String problem) {
    return new IllegalArgumentException(
        "Invalid type '" + text + "' at position " + (pos + 1) + ": " + problem);
  }
}
