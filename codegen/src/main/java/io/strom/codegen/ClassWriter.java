package io.strom.codegen;

import io.strom.codegen.expr.CodeGenContext;
import java.util.List;

/** Assembles the source of a generated class from its members and methods, indented for reading. */
final class ClassWriter {
  /** Longest generated method body, in characters, before code moves into another method. */
  static final int METHOD_BUDGET = 8_000;

  private ClassWriter() {}

  /** A Java identifier from a plan-given name: letters, digits and underscores only. */
  static String className(String prefix, String name) {
    String clean = name.replaceAll("[^A-Za-z0-9_]", "_");
    return prefix + "$" + (clean.isEmpty() ? "generated" : clean);
  }

  static String write(String className, String implemented, CodeGenContext context,
      List<String> extraMembers, List<String> methods) {
    StringBuilder sb = new StringBuilder();
    sb.append("public final class ").append(className).append(" implements ").append(implemented)
        .append(" {\n");
    for (String member : context.members()) {
      sb.append(member).append('\n');
    }
    for (String member : extraMembers) {
      sb.append(member).append('\n');
    }
    sb.append("\npublic ").append(className).append("(Object[] ").append(CodeGenContext.REFERENCES)
        .append(") {\n");
    for (String statement : context.constructorCode()) {
      sb.append(statement).append('\n');
    }
    sb.append("}\n");
    for (String method : methods) {
      sb.append('\n').append(method);
    }
    sb.append("}\n");
    return indent(sb.toString());
  }

  /** Indents by brace depth, so dumped sources and error listings are readable. */
  static String indent(String code) {
    StringBuilder out = new StringBuilder();
    int depth = 0;
    for (String line : code.split("\n", -1)) {
      String trimmed = line.trim();
      if (trimmed.startsWith("}")) {
        depth = Math.max(0, depth - 1);
      }
      if (!trimmed.isEmpty()) {
        out.append("  ".repeat(depth)).append(trimmed);
      }
      out.append('\n');
      for (char c : trimmed.toCharArray()) {
        depth += c == '{' ? 1 : c == '}' ? -1 : 0;
      }
      if (trimmed.startsWith("}")) {
        depth++;
      }
      depth = Math.max(0, depth);
    }
    return out.toString().stripTrailing() + "\n";
  }
}
