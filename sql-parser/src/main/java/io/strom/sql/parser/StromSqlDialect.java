package io.strom.sql.parser;

import io.strom.sql.parser.impl.StromSqlParserImpl;
import java.io.StringReader;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlAbstractParserImpl;

/**
 * The dialect Strom writes SQL in, so that what it writes parses again with {@link
 * StromSqlParser}: backticks around identifiers that need them (reserved words, unusual
 * characters), identifiers' case kept.
 */
public final class StromSqlDialect extends SqlDialect {
  /** The one instance. */
  public static final StromSqlDialect INSTANCE = new StromSqlDialect();

  private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z_0-9$]*");

  private final SqlAbstractParserImpl.Metadata metadata;

  private StromSqlDialect() {
    super(
        EMPTY_CONTEXT
            .withDatabaseProduct(DatabaseProduct.UNKNOWN)
            .withDatabaseProductName("Strom")
            .withIdentifierQuoteString("`")
            .withIdentifierEscapedQuoteString("``")
            .withUnquotedCasing(Casing.UNCHANGED)
            .withQuotedCasing(Casing.UNCHANGED)
            .withCaseSensitive(true)
            .withConformance(StromSqlConformance.INSTANCE));
    this.metadata = StromSqlParserImpl.FACTORY.getParser(new StringReader("")).getMetadata();
  }

  /**
   * Writes table hints back as {@code /*+ OPTIONS(...) *}{@code /}; Calcite's default drops
   * them.
   */
  @Override
  public void unparseTableScanHints(
      SqlWriter writer, SqlNodeList hints, int leftPrec, int rightPrec) {
    writer.keyword("/*+");
    SqlWriter.Frame frame = writer.startList("", "");
    for (SqlNode hint : hints) {
      writer.sep(",");
      hint.unparse(writer, 0, 0);
    }
    writer.endList(frame);
    writer.keyword("*/");
  }

  @Override
  protected boolean identifierNeedsQuote(String val) {
    return !PLAIN_IDENTIFIER.matcher(val).matches()
        || metadata.isReservedWord(val.toUpperCase(Locale.ROOT));
  }
}
