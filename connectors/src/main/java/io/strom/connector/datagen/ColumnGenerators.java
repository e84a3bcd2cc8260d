package io.strom.connector.datagen;

import static io.strom.connector.datagen.DataGenConnectorOptions.END;
import static io.strom.connector.datagen.DataGenConnectorOptions.KIND;
import static io.strom.connector.datagen.DataGenConnectorOptions.LENGTH;
import static io.strom.connector.datagen.DataGenConnectorOptions.MAX;
import static io.strom.connector.datagen.DataGenConnectorOptions.MAX_PAST;
import static io.strom.connector.datagen.DataGenConnectorOptions.MIN;
import static io.strom.connector.datagen.DataGenConnectorOptions.NULL_RATE;
import static io.strom.connector.datagen.DataGenConnectorOptions.START;
import static io.strom.connector.datagen.DataGenConnectorOptions.VAR_LEN;
import static io.strom.connector.datagen.DataGenConnectorOptions.keyFor;

import io.strom.configuration.ConfigOption;
import io.strom.connector.ConnectorException;
import io.strom.connector.ReadableOptions;
import io.strom.connector.datagen.DataGenConnectorOptions.Kind;
import io.strom.types.ArrayType;
import io.strom.types.BinaryType;
import io.strom.types.CharType;
import io.strom.types.DecimalType;
import io.strom.types.LogicalType;
import io.strom.types.LogicalTypeRoot;
import io.strom.types.MapType;
import io.strom.types.MultisetType;
import io.strom.types.RowType;
import io.strom.types.VarBinaryType;
import io.strom.types.VarCharType;
import java.math.BigDecimal;
import java.util.Set;

/**
 * Builds the generator of one column from its {@code fields.<column>.*} options, checking that
 * each option fits the column's type. Nested values (elements, entries, nested fields) are random
 * with the column's {@code min}, {@code max} and {@code max-past}.
 */
final class ColumnGenerators {
  private static final int DEFAULT_STRING_LENGTH = 100;
  private static final int DEFAULT_COLLECTION_LENGTH = 3;
  private static final Set<LogicalTypeRoot> SEQUENCE_TYPES = Set.of(
      LogicalTypeRoot.TINYINT, LogicalTypeRoot.SMALLINT, LogicalTypeRoot.INTEGER,
      LogicalTypeRoot.BIGINT, LogicalTypeRoot.FLOAT, LogicalTypeRoot.DOUBLE,
      LogicalTypeRoot.DECIMAL, LogicalTypeRoot.CHAR, LogicalTypeRoot.VARCHAR,
      LogicalTypeRoot.INTERVAL_YEAR_MONTH, LogicalTypeRoot.INTERVAL_DAY_TIME);

  private final ReadableOptions options;
  private final String column;

  ColumnGenerators(ReadableOptions options, String column) {
    this.options = options;
    this.column = column;
  }

  /** The number of rows a sequence column allows, or {@link Long#MAX_VALUE} for random columns. */
  long sequenceLength(LogicalType type) {
    if (options.get(KIND, keyFor(KIND, column)) != Kind.SEQUENCE) {
      return Long.MAX_VALUE;
    }
    long start = whole(START, required(START));
    long end = whole(END, required(END));
    if (end < start) {
      throw new ConnectorException(
          "Sequence of column '" + column + "' ends (" + end + ") before it starts (" + start
              + "). Set '" + keyFor(END, column) + "' to at least '" + keyFor(START, column) + "'.");
    }
    return end - start + 1;
  }

  /** The generator of the column. */
  FieldGenerator create(LogicalType type) {
    double nullRate = options.get(NULL_RATE, keyFor(NULL_RATE, column));
    if (nullRate < 0 || nullRate > 1) {
      throw options.invalidValue(keyFor(NULL_RATE, column), Double.toString(nullRate), "a number from 0 to 1");
    }
    if (nullRate > 0 && !type.nullable()) {
      throw new ConnectorException(
          "Column '" + column + "' is NOT NULL, so '" + keyFor(NULL_RATE, column) + "' must be 0.");
    }
    FieldGenerator generator;
    if (options.get(KIND, keyFor(KIND, column)) == Kind.SEQUENCE) {
      rejectAll(type, "a sequence", MIN, MAX, MAX_PAST, LENGTH, VAR_LEN);
      if (!SEQUENCE_TYPES.contains(type.root())) {
        throw new ConnectorException(
            "Column '" + column + "' of type " + type.asSummaryString() + " cannot be a sequence;"
                + " sequences are numeric or strings. Remove '" + keyFor(KIND, column) + "'.");
      }
      generator = sequence(type);
    } else {
      rejectAll(type, "a random column", START, END);
      generator = random(type, true);
    }
    return nullRate > 0 ? new RandomGenerators.Nullable(generator, nullRate) : generator;
  }

  private FieldGenerator sequence(LogicalType type) {
    long start = whole(START, required(START));
    int precision = type instanceof DecimalType d ? d.precision() : 0;
    int scale = type instanceof DecimalType d ? d.scale() : 0;
    return new Sequences.Counting(start, type.root(), precision, scale);
  }

  private FieldGenerator random(LogicalType type, boolean topLevel) {
    LogicalTypeRoot root = type.root();
    return switch (root) {
      case BOOLEAN -> new RandomGenerators.Bool();
      case TINYINT -> wholeRange(root, Byte.MIN_VALUE, Byte.MAX_VALUE);
      case SMALLINT -> wholeRange(root, Short.MIN_VALUE, Short.MAX_VALUE);
      case INTEGER, INTERVAL_YEAR_MONTH -> wholeRange(root, Integer.MIN_VALUE, Integer.MAX_VALUE);
      case BIGINT, INTERVAL_DAY_TIME -> wholeRange(root, Long.MIN_VALUE, Long.MAX_VALUE);
      case FLOAT -> floating(Float.MIN_VALUE, Float.MAX_VALUE, true);
      case DOUBLE -> floating(Double.MIN_VALUE, Double.MAX_VALUE, false);
      case DECIMAL -> decimal((DecimalType) type);
      case CHAR, VARCHAR, BINARY, VARBINARY -> chars(type, topLevel);
      case DATE, TIME_WITHOUT_TIME_ZONE, TIMESTAMP_WITHOUT_TIME_ZONE, TIMESTAMP_WITH_LOCAL_TIME_ZONE ->
          new RandomGenerators.Temporal(options.get(MAX_PAST, keyFor(MAX_PAST, column)).toMillis(), root);
      case ARRAY -> new RandomGenerators.Array(
          random(((ArrayType) type).elementType(), false), collectionLength(topLevel));
      case MAP -> new RandomGenerators.MapOrMultiset(
          random(((MapType) type).keyType(), false),
          random(((MapType) type).valueType(), false),
          collectionLength(topLevel));
      case MULTISET -> new RandomGenerators.MapOrMultiset(
          random(((MultisetType) type).elementType(), false), null, collectionLength(topLevel));
      case ROW -> {
        RowType row = (RowType) type;
        FieldGenerator[] fields = new FieldGenerator[row.fieldCount()];
        for (int i = 0; i < fields.length; i++) {
          fields[i] = random(row.typeAt(i), false);
        }
        yield new RandomGenerators.Row(fields);
      }
      case NULL -> new RandomGenerators.AlwaysNull();
    };
  }

  private FieldGenerator wholeRange(LogicalTypeRoot root, long typeMin, long typeMax) {
    String minText = options.getString(keyFor(MIN, column));
    String maxText = options.getString(keyFor(MAX, column));
    long min = minText == null ? typeMin : whole(MIN, minText);
    long max = maxText == null ? typeMax : whole(MAX, maxText);
    if (min < typeMin || max > typeMax) {
      throw new ConnectorException(
          "The range [" + min + ", " + max + "] of column '" + column + "' exceeds its type's range ["
              + typeMin + ", " + typeMax + "].");
    }
    checkOrder(min, max);
    return new RandomGenerators.Whole(min, max, root);
  }

  private FieldGenerator floating(double typeMin, double typeMax, boolean isFloat) {
    double min = number(MIN, typeMin).doubleValue();
    double max = number(MAX, typeMax).doubleValue();
    checkOrder(min, max);
    return new RandomGenerators.Floating(min, max, isFloat);
  }

  private FieldGenerator decimal(DecimalType type) {
    BigDecimal typeMax = BigDecimal.TEN.pow(type.precision() - type.scale())
        .subtract(BigDecimal.ONE.movePointLeft(type.scale()));
    BigDecimal min = number(MIN, typeMax.negate().doubleValue());
    BigDecimal max = number(MAX, typeMax.doubleValue());
    checkOrder(min.doubleValue(), max.doubleValue());
    return new RandomGenerators.Decimal(min.max(typeMax.negate()), max.min(typeMax), type.precision(), type.scale());
  }

  private FieldGenerator chars(LogicalType type, boolean topLevel) {
    int declared = DEFAULT_STRING_LENGTH;
    if (type instanceof CharType c) {
      declared = c.length();
    } else if (type instanceof VarCharType v) {
      declared = v.length();
    } else if (type instanceof BinaryType b) {
      declared = b.length();
    } else if (type instanceof VarBinaryType v) {
      declared = v.length();
    }
    boolean fixed = type instanceof CharType || type instanceof BinaryType;
    Integer length = topLevel ? options.get(LENGTH, keyFor(LENGTH, column)) : null;
    if (length == null) {
      length = fixed ? declared : Math.min(DEFAULT_STRING_LENGTH, declared);
    } else if (length < 0 || length > declared) {
      throw options.invalidValue(keyFor(LENGTH, column), length.toString(),
          "a length from 0 to " + declared + ", the declared length of " + type.asSummaryString());
    }
    boolean varLen = topLevel && options.get(VAR_LEN, keyFor(VAR_LEN, column));
    boolean binary = type instanceof BinaryType || type instanceof VarBinaryType;
    return new RandomGenerators.Chars(length, varLen && !fixed, binary);
  }

  private int collectionLength(boolean topLevel) {
    Integer length = topLevel ? options.get(LENGTH, keyFor(LENGTH, column)) : null;
    if (length == null) {
      return DEFAULT_COLLECTION_LENGTH;
    }
    if (length < 0) {
      throw options.invalidValue(keyFor(LENGTH, column), length.toString(), "a non-negative whole number");
    }
    return length;
  }

  private String required(ConfigOption<String> option) {
    String value = options.getString(keyFor(option, column));
    if (value == null) {
      throw new ConnectorException(
          "Missing required options for connector 'datagen': " + keyFor(option, column)
              + " (column '" + column + "' is a sequence, which needs '" + keyFor(START, column)
              + "' and '" + keyFor(END, column) + "').");
    }
    return value;
  }

  private long whole(ConfigOption<String> option, String text) {
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw options.invalidValue(keyFor(option, column), text, "a whole number");
    }
  }

  private BigDecimal number(ConfigOption<String> option, double fallback) {
    String text = options.getString(keyFor(option, column));
    if (text == null) {
      return new BigDecimal(fallback);
    }
    try {
      return new BigDecimal(text.trim());
    } catch (NumberFormatException e) {
      throw options.invalidValue(keyFor(option, column), text, "a number");
    }
  }

  private void checkOrder(double min, double max) {
    if (min > max) {
      throw new ConnectorException(
          "'" + keyFor(MIN, column) + "' (" + min + ") is greater than '" + keyFor(MAX, column)
              + "' (" + max + ") for column '" + column + "'.");
    }
  }

  /** Rejects options that make no sense for this kind of column or type. */
  private void rejectAll(LogicalType type, String what, ConfigOption<?>... inapplicable) {
    for (ConfigOption<?> option : inapplicable) {
      String key = keyFor(option, column);
      if (options.getString(key) != null) {
        throw new ConnectorException(
            "Option '" + key + "' does not apply to column '" + column + "' of type "
                + type.asSummaryString() + ", which is " + what + ".");
      }
    }
    LogicalTypeRoot root = type.root();
    boolean numeric = SEQUENCE_TYPES.contains(root) && root != LogicalTypeRoot.CHAR && root != LogicalTypeRoot.VARCHAR;
    if (!numeric) {
      rejectIfSet(type, MIN, "numeric columns");
      rejectIfSet(type, MAX, "numeric columns");
    }
  }

  private void rejectIfSet(LogicalType type, ConfigOption<?> option, String appliesTo) {
    String key = keyFor(option, column);
    if (options.getString(key) != null && !isContainerOfNumbers(type)) {
      throw new ConnectorException(
          "Option '" + key + "' does not apply to column '" + column + "' of type "
              + type.asSummaryString() + "; it is for " + appliesTo + ".");
    }
  }

  private static boolean isContainerOfNumbers(LogicalType type) {
    return !type.children().isEmpty();
  }
}
