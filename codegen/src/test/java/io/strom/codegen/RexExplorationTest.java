package io.strom.codegen;

import io.strom.codegen.testing.SqlToRex;
import io.strom.codegen.testing.TestRows;
import org.junit.jupiter.api.Test;

class RexExplorationTest {
  @Test
  void prints() {
    SqlToRex sql = new SqlToRex(TestRows.TYPE);
    String[] exprs = System.getProperty("exprs", "1+1").split(";;");
    StringBuilder sb = new StringBuilder();
    for (String e : exprs) {
      try {
        var p = sql.program("SELECT " + e + " FROM T");
        sb.append(e).append(" => ").append(p.expandLocalRef(p.getProjectList().get(0)))
            .append(" : ").append(p.getOutputRowType().getFieldList().get(0).getType().getFullTypeString()).append('\n');
      } catch (Exception ex) {
        sb.append(e).append(" => ERROR ").append(ex.getMessage()).append('\n');
      }
    }
    try { java.nio.file.Files.writeString(java.nio.file.Path.of("/tmp/rex.txt"), sb.toString()); } catch (Exception ex) { throw new RuntimeException(ex); }
  }
}
