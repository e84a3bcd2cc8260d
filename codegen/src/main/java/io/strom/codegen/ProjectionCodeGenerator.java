package io.strom.codegen;

import io.strom.codegen.expr.CodeGenContext;
import io.strom.runtime.generated.GeneratedClass;
import io.strom.runtime.generated.Projection;
import io.strom.types.DecimalType;
import io.strom.types.LocalZonedTimestampType;
import io.strom.types.LogicalType;
import io.strom.types.RowType;
import io.strom.types.TimestampType;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates a {@link Projection}: copies chosen fields of a row into a reused {@link
 * io.strom.data.BinaryRow}, e.g. to extract a grouping or join key. Fields are copied with typed
 * getters and writers, in methods of at most {@value #FIELDS_PER_METHOD} fields.
 */
public final class ProjectionCodeGenerator {
  static final int FIELDS_PER_METHOD = 100;

  private ProjectionCodeGenerator() {}

  /**
   * @param inputType the type of input rows
   * @param fields positions of the input fields to copy, in output order
   * @param name what the projection extracts, for the class name, e.g. {@code orders_key}
   */
  public static GeneratedClass<Projection> generate(RowType inputType, int[] fields, String name) {
    CodeGenContext context = new CodeGenContext();
    List<String> methods = new ArrayList<>();
    StringBuilder apply = new StringBuilder(
        "public io.strom.data.BinaryRow apply(io.strom.data.Row in) {\nwriter.reset();\n");
    StringBuilder chunk = new StringBuilder();
    for (int i = 0; i < fields.length; i++) {
      int from = fields[i];
      if (from < 0 || from >= inputType.fieldCount()) {
        throw new IllegalArgumentException("Field " + from + " does not exist in " + inputType);
      }
      chunk.append("if (in.isNullAt(").append(from).append(")) {\nwriter.setNullAt(").append(i)
          .append(");\n} else {\n").append(copy(context, inputType.typeAt(from), from, i))
          .append("\n}\n");
      if ((i + 1) % FIELDS_PER_METHOD == 0 || i == fields.length - 1) {
        String method = context.newName("copy");
        methods.add("private void " + method + "(io.strom.data.Row in) {\n" + chunk + "}\n");
        apply.append(method).append("(in);\n");
        chunk.setLength(0);
      }
    }
    apply.append("return writer.complete();\n}\n");
    methods.add(0, apply.toString());
    String className = ClassWriter.className("Projection", name);
    String code = ClassWriter.write(className, Projection.class.getName(), context,
        List.of("private final io.strom.data.BinaryRowWriter writer = "
            + "new io.strom.data.BinaryRowWriter(" + fields.length + ");"),
        methods);
    return new GeneratedClass<>(className, code, context.references());
  }

  private static String copy(CodeGenContext context, LogicalType type, int from, int to) {
    String w = "writer.";
    switch (type.root()) {
      case BOOLEAN: return w + "writeBoolean(" + to + ", in.getBoolean(" + from + "));";
      case TINYINT: return w + "writeByte(" + to + ", in.getByte(" + from + "));";
      case SMALLINT: return w + "writeShort(" + to + ", in.getShort(" + from + "));";
      case INTEGER:
      case DATE:
      case TIME_WITHOUT_TIME_ZONE:
      case INTERVAL_YEAR_MONTH: return w + "writeInt(" + to + ", in.getInt(" + from + "));";
      case BIGINT:
      case INTERVAL_DAY_TIME: return w + "writeLong(" + to + ", in.getLong(" + from + "));";
      case FLOAT: return w + "writeFloat(" + to + ", in.getFloat(" + from + "));";
      case DOUBLE: return w + "writeDouble(" + to + ", in.getDouble(" + from + "));";
      case CHAR:
      case VARCHAR: return w + "writeString(" + to + ", in.getString(" + from + "));";
      case BINARY:
      case VARBINARY: return w + "writeBinary(" + to + ", in.getBinary(" + from + "));";
      case DECIMAL: {
        DecimalType d = (DecimalType) type;
        return w + "writeDecimal(" + to + ", in.getDecimal(" + from + ", " + d.precision() + ", "
            + d.scale() + "), " + d.precision() + ");";
      }
      case TIMESTAMP_WITHOUT_TIME_ZONE:
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE: {
        int p = type instanceof TimestampType t ? t.precision()
            : ((LocalZonedTimestampType) type).precision();
        return w + "writeTimestamp(" + to + ", in.getTimestamp(" + from + ", " + p + "), " + p
            + ");";
      }
      case ARRAY: {
        String element = context.addReference(
            ((io.strom.types.ArrayType) type).elementType(), "io.strom.types.LogicalType");
        String serializer = context.addMember("io.strom.serde.ArrayDataSerializer", "arrays",
            "new io.strom.serde.ArrayDataSerializer(" + element + ")");
        return w + "writeArray(" + to + ", " + serializer + ".toBinary(in.getArray(" + from
            + ")));";
      }
      case MAP:
      case MULTISET: {
        io.strom.types.MapType map = type instanceof io.strom.types.MultisetType m
            ? m.asMapType() : (io.strom.types.MapType) type;
        String key = context.addReference(map.keyType(), "io.strom.types.LogicalType");
        String value = context.addReference(map.valueType(), "io.strom.types.LogicalType");
        String serializer = context.addMember("io.strom.serde.MapDataSerializer", "maps",
            "new io.strom.serde.MapDataSerializer(" + key + ", " + value + ")");
        return w + "writeMap(" + to + ", " + serializer + ".toBinary(in.getMap(" + from + ")));";
      }
      case ROW: {
        RowType row = (RowType) type;
        String rowType = context.addReference(row, "io.strom.types.RowType");
        String serializer = context.addMember("io.strom.serde.RowSerializer", "rows",
            "new io.strom.serde.RowSerializer(" + rowType + ")");
        return w + "writeRow(" + to + ", " + serializer + ".toBinary(in.getRow(" + from + ", "
            + row.fieldCount() + ")));";
      }
      default:
        return w + "setNullAt(" + to + ");";
    }
  }
}
