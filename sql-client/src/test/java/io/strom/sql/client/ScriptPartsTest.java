package io.strom.sql.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.strom.sql.client.ScriptParts.Part;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptPartsTest {

  @Test
  void cutsOnlyAtTheShellsOwnCommands() {
    String script =
        "INSERT INTO t SELECT 'QUIT;' AS `EXIT;`; -- QUIT;\n"
            + "EXECUTE STATEMENT SET BEGIN INSERT INTO a SELECT 1; INSERT INTO b SELECT 2; END;\n"
            + "/* HELP; */ describe job 'abc' ;\n"
            + "SELECT 3;\n"
            + "Exit";
    List<Part> parts = ScriptParts.of(script);

    assertThat(parts).extracting(Part::command)
        .containsExactly(null, "describe job 'abc'", null, "Exit");
    // Each piece of SQL keeps its lines and columns in the script.
    assertThat(parts.get(0).sql()).isEqualTo(script.substring(0, script.indexOf("/*") - 1));
    String third = parts.get(2).sql();
    assertThat(third.lines().toList()).hasSize(4);
    assertThat(third.lines().skip(2).findFirst().orElseThrow())
        .isEqualTo(" ".repeat("/* HELP; */ describe job 'abc' ;".length()));
    assertThat(third.lines().skip(3).findFirst().orElseThrow()).isEqualTo("SELECT 3;");
  }

  @Test
  void commentsAndBlankPiecesAreNotStatements() {
    assertThat(ScriptParts.of("  -- nothing\n/* at all */\n")).isEmpty();
    assertThat(ScriptParts.of("HELP;\n-- end")).extracting(Part::command).containsExactly("HELP");
  }
}
