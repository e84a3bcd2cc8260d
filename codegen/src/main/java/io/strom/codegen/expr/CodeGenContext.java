package io.strom.codegen.expr;

import java.util.ArrayList;
import java.util.List;

/**
 * State shared while generating one class: fresh variable names, member fields with their
 * initialization in the constructor, statements for {@code open} and {@code close}, and the
 * objects (UDF instances) handed to the constructor as references.
 *
 * <p>Names are numbered from zero for every class, so equal plans generate equal source and hit
 * the compile cache.
 */
public final class CodeGenContext {
  /** Name of the constructor's {@code Object[]} parameter in generated classes. */
  public static final String REFERENCES = "references";
  /** Name of the session time zone member, set from the function context in {@code open}. */
  public static final String ZONE = "zone";

  private int counter;
  private final List<String> members = new ArrayList<>();
  private final List<String> constructorCode = new ArrayList<>();
  private final List<String> openCode = new ArrayList<>();
  private final List<String> closeCode = new ArrayList<>();
  private final List<Object> references = new ArrayList<>();
  private boolean usesZone;

  /** A new variable name starting with {@code prefix}. */
  public String newName(String prefix) {
    return prefix + "$" + counter++;
  }

  /** Adds a final member of {@code javaType} initialized in the constructor; returns its name. */
  public String addMember(String javaType, String prefix, String initializer) {
    String name = newName(prefix);
    members.add("private final " + javaType + " " + name + ";");
    constructorCode.add(name + " = " + initializer + ";");
    return name;
  }

  /** Adds a mutable member with an initial value; returns its name. */
  public String addMutableMember(String javaType, String prefix, String initializer) {
    String name = newName(prefix);
    members.add("private " + javaType + " " + name + " = " + initializer + ";");
    return name;
  }

  /** Passes {@code object} to the constructor and keeps it in a member; returns the member. */
  public String addReference(Object object, String javaType) {
    int index = references.size();
    references.add(object);
    return addMember(javaType, "ref", "(" + javaType + ") " + REFERENCES + "[" + index + "]");
  }

  public void addOpen(String statement) {
    openCode.add(statement);
  }

  public void addClose(String statement) {
    closeCode.add(statement);
  }

  /** The name of the session time zone member, declaring it on first use. */
  public String zone() {
    if (!usesZone) {
      usesZone = true;
      members.add("private java.time.ZoneId " + ZONE + " = java.time.ZoneOffset.UTC;");
      openCode.add(0, ZONE + " = context.timeZone();");
    }
    return ZONE;
  }

  public List<String> members() {
    return members;
  }

  public List<String> constructorCode() {
    return constructorCode;
  }

  public List<String> openCode() {
    return openCode;
  }

  public List<String> closeCode() {
    return closeCode;
  }

  public Object[] references() {
    return references.toArray();
  }
}
