package io.strom.sql.parser.ddl;

import static java.util.Objects.requireNonNull;

import io.strom.sql.parser.common.SqlUnparse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.sql.SqlCreate;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;

/**
 * {@code CREATE [OR REPLACE] [TEMPORARY] TABLE [IF NOT EXISTS] name [(columns, constraints,
 * watermark)] [COMMENT '...'] [PARTITIONED BY (...)] [WITH (...)] [LIKE ... | AS query]}. OR
 * REPLACE is allowed only with AS query.
 */
public final class SqlCreateTable extends SqlCreate {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("CREATE TABLE", SqlKind.CREATE_TABLE);

  private final SqlIdentifier name;
  private final SqlNodeList columns;
  private final SqlNodeList constraints;
  private final SqlWatermark watermark;
  private final SqlNode comment;
  private final SqlNodeList partitionKeys;
  private final SqlNodeList options;
  private final SqlTableLike like;
  private final SqlNode query;
  private final boolean temporary;

  private SqlCreateTable(Builder b, SqlParserPos pos) {
    super(OPERATOR, pos, b.orReplace, b.ifNotExists);
    this.name = b.name;
    this.columns = new SqlNodeList(b.columns, pos);
    this.constraints = new SqlNodeList(b.constraints, pos);
    this.watermark = b.watermark;
    this.comment = b.comment;
    this.partitionKeys = b.partitionKeys;
    this.options = b.options;
    this.like = b.like;
    this.query = b.query;
    this.temporary = b.temporary;
    if (like != null && query != null) {
      throw new IllegalArgumentException("a table is defined by LIKE or by AS query, not both");
    }
    if (b.orReplace && query == null) {
      throw new IllegalArgumentException("OR REPLACE needs AS query");
    }
  }

  /** Starts a table definition. */
  public static Builder builder(SqlIdentifier name) {
    return new Builder(name);
  }

  /**
   * The second primary key among the columns' inline keys and the table's constraints, or null
   * when there is at most one; the parser reports it at that key's position.
   */
  public static SqlNode secondPrimaryKey(List<SqlNode> columns, List<SqlNode> constraints) {
    List<SqlNode> keys = new ArrayList<>();
    for (SqlNode column : columns) {
      if (column instanceof SqlRegularColumn regular) {
        regular.constraint().ifPresent(keys::add);
      }
    }
    keys.addAll(constraints);
    if (keys.size() < 2) {
      return null;
    }
    keys.sort((a, b) -> comparePositions(a.getParserPosition(), b.getParserPosition()));
    return keys.get(1);
  }

  private static int comparePositions(SqlParserPos a, SqlParserPos b) {
    int byLine = Integer.compare(a.getLineNum(), b.getLineNum());
    return byLine != 0 ? byLine : Integer.compare(a.getColumnNum(), b.getColumnNum());
  }

  public SqlIdentifier name() {
    return name;
  }

  /** The columns as written, each a {@link SqlTableColumn}; empty for CREATE TABLE ... AS/LIKE. */
  public List<SqlTableColumn> columns() {
    List<SqlTableColumn> list = new ArrayList<>();
    for (SqlNode column : columns) {
      list.add((SqlTableColumn) column);
    }
    return list;
  }

  /** The table-level constraints; inline ones stay on their column (see {@link #primaryKey()}). */
  public SqlNodeList constraints() {
    return constraints;
  }

  /** The primary key, whether declared on the table or inline on a column. */
  public Optional<SqlTableConstraint> primaryKey() {
    if (!constraints.isEmpty()) {
      return Optional.of((SqlTableConstraint) constraints.get(0));
    }
    for (SqlTableColumn column : columns()) {
      if (column instanceof SqlRegularColumn regular && regular.constraint().isPresent()) {
        return regular.constraint();
      }
    }
    return Optional.empty();
  }

  public Optional<SqlWatermark> watermark() {
    return Optional.ofNullable(watermark);
  }

  public Optional<String> commentText() {
    return Optional.ofNullable(SqlUnparse.stringValueOrNull(comment));
  }

  public SqlNodeList partitionKeys() {
    return partitionKeys;
  }

  /** The WITH options, each a {@link io.strom.sql.parser.common.SqlKeyValue}. */
  public SqlNodeList options() {
    return options;
  }

  public Optional<SqlTableLike> like() {
    return Optional.ofNullable(like);
  }

  /** The query of CREATE TABLE ... AS query, or null. */
  public SqlNode query() {
    return query;
  }

  public boolean isTemporary() {
    return temporary;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(
        name, columns, constraints, watermark, comment, partitionKeys, options, like, query);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("CREATE");
    if (getReplace()) {
      writer.keyword("OR REPLACE");
    }
    if (temporary) {
      writer.keyword("TEMPORARY");
    }
    writer.keyword("TABLE");
    if (ifNotExists) {
      writer.keyword("IF NOT EXISTS");
    }
    name.unparse(writer, 0, 0);
    List<SqlNode> elements = new ArrayList<>(columns.getList());
    elements.addAll(constraints.getList());
    if (watermark != null) {
      elements.add(watermark);
    }
    if (!elements.isEmpty()) {
      SqlUnparse.block(writer, elements);
    }
    if (comment != null) {
      writer.newlineAndIndent();
      SqlUnparse.comment(writer, comment);
    }
    if (!partitionKeys.isEmpty()) {
      writer.newlineAndIndent();
      writer.keyword("PARTITIONED BY");
      SqlUnparse.list(writer, partitionKeys);
    }
    SqlUnparse.options(writer, options);
    if (like != null) {
      writer.newlineAndIndent();
      like.unparse(writer, 0, 0);
    }
    if (query != null) {
      writer.newlineAndIndent();
      writer.keyword("AS");
      writer.newlineAndIndent();
      query.unparse(writer, 0, 0);
    }
  }

  /** Collects the parts of a CREATE TABLE as the parser meets them. */
  public static final class Builder {
    private final SqlIdentifier name;
    private final List<SqlNode> columns = new ArrayList<>();
    private final List<SqlNode> constraints = new ArrayList<>();
    private SqlWatermark watermark;
    private SqlNode comment;
    private SqlNodeList partitionKeys = SqlNodeList.EMPTY;
    private SqlNodeList options = SqlNodeList.EMPTY;
    private SqlTableLike like;
    private SqlNode query;
    private boolean temporary;
    private boolean ifNotExists;
    private boolean orReplace;

    private Builder(SqlIdentifier name) {
      this.name = requireNonNull(name, "name");
    }

    /** Adds columns; each must be a {@link SqlTableColumn}. */
    public Builder columns(List<SqlNode> list) {
      for (SqlNode column : list) {
        if (!(column instanceof SqlTableColumn)) {
          throw new IllegalArgumentException("not a column: " + column);
        }
      }
      columns.addAll(list);
      return this;
    }

    /** Adds table-level constraints; each must be a non-inline {@link SqlTableConstraint}. */
    public Builder constraints(List<SqlNode> list) {
      for (SqlNode constraint : list) {
        if (!(constraint instanceof SqlTableConstraint c) || c.isInline()) {
          throw new IllegalArgumentException("not a table constraint: " + constraint);
        }
      }
      constraints.addAll(list);
      return this;
    }

    public Builder watermark(SqlWatermark value) {
      this.watermark = value;
      return this;
    }

    public Builder comment(SqlNode value) {
      this.comment = value;
      return this;
    }

    public Builder partitionKeys(SqlNodeList value) {
      this.partitionKeys = requireNonNull(value, "partitionKeys");
      return this;
    }

    public Builder tableOptions(SqlNodeList value) {
      this.options = requireNonNull(value, "options");
      return this;
    }

    public Builder like(SqlTableLike value) {
      this.like = value;
      return this;
    }

    public Builder query(SqlNode value) {
      this.query = value;
      return this;
    }

    public Builder temporary(boolean value) {
      this.temporary = value;
      return this;
    }

    public Builder ifNotExists(boolean value) {
      this.ifNotExists = value;
      return this;
    }

    public Builder orReplace(boolean value) {
      this.orReplace = value;
      return this;
    }

    public SqlCreateTable build(SqlParserPos pos) {
      return new SqlCreateTable(this, pos);
    }
  }
}
