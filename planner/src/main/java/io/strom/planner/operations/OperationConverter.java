package io.strom.planner.operations;

import io.strom.planner.ValidationException;
import io.strom.planner.calcite.PlannerContext;
import io.strom.planner.calcite.PlannerTypes;
import io.strom.planner.catalog.CatalogView;
import io.strom.planner.catalog.Column;
import io.strom.planner.catalog.TableSchema;
import io.strom.sql.parser.StromSqlParser;
import io.strom.sql.parser.ddl.SqlCreateFunction;
import io.strom.sql.parser.ddl.SqlCreateView;
import io.strom.sql.parser.ddl.SqlDropFunction;
import java.util.ArrayList;
import org.apache.calcite.rel.type.RelDataType;
import io.strom.planner.catalog.CatalogManager;
import io.strom.planner.catalog.FunctionCatalog;
import io.strom.planner.catalog.CatalogTable;
import io.strom.planner.catalog.CatalogTable;
import io.strom.planner.catalog.ObjectIdentifier;
import io.strom.planner.catalog.ResolvedTable;
import io.strom.planner.ddl.CreateTableConverter;
import io.strom.sql.parser.common.SqlKeyValue;
import io.strom.sql.parser.ddl.SqlAlterTable;
import io.strom.sql.parser.ddl.SqlAlterTableOptions;
import io.strom.sql.parser.ddl.SqlAlterTableRename;
import io.strom.sql.parser.ddl.SqlAlterTableReset;
import io.strom.sql.parser.ddl.SqlCreateCatalog;
import io.strom.sql.parser.ddl.SqlCreateDatabase;
import io.strom.sql.parser.ddl.SqlCreateTable;
import io.strom.sql.parser.ddl.SqlDropCatalog;
import io.strom.sql.parser.ddl.SqlDropDatabase;
import io.strom.sql.parser.ddl.SqlDropTable;
import io.strom.sql.parser.ddl.SqlDropView;
import io.strom.sql.parser.dql.SqlDescribeTableOrView;
import io.strom.sql.parser.dql.SqlShowCreate;
import io.strom.sql.parser.dql.SqlShowCurrent;
import io.strom.sql.parser.dql.SqlShowList;
import io.strom.sql.parser.stmt.SqlReset;
import io.strom.sql.parser.stmt.SqlSet;
import io.strom.sql.parser.stmt.SqlStopJob;
import io.strom.sql.parser.stmt.SqlUseCatalog;
import io.strom.sql.parser.stmt.SqlUseDatabase;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.strom.types.RowType;
import io.strom.sql.parser.dml.SqlExecute;
import io.strom.sql.parser.dml.SqlStatementSet;
import io.strom.sql.parser.dml.SqlStromInsert;
import io.strom.sql.parser.dql.SqlStromExplain;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;

/**
 * Turns a parsed statement into the {@link Operation} it asks for, resolving names against the
 * session's catalogs. Statements whose execution is not built yet are refused with a message that
 * says so.
 */
public final class OperationConverter {
  private final CatalogManager catalogs;
  private final CreateTableConverter createTable;

  private final PlannerTypes types;
  private final FunctionCatalog functions;

  public OperationConverter(CatalogManager catalogs, PlannerTypes types, FunctionCatalog functions) {
    this.catalogs = catalogs;
    this.types = types;
    this.functions = functions;
    this.createTable = new CreateTableConverter(catalogs, types, functions);
  }

  public Operation convert(SqlNode node) {
    if (node instanceof SqlCreateTable create) {
      if (create.query() != null) {
        return convertCreateTableAs(create);
      }
      return createTable.convert(create);
    }
    if (node instanceof SqlExecute execute) {
      return convert(execute.statement());
    }
    if (node instanceof SqlStatementSet set) {
      List<Operation.Insert> inserts = new ArrayList<>();
      for (SqlNode insert : set.inserts()) {
        if (!(convert(insert) instanceof Operation.Insert converted)) {
          throw new ValidationException(
              insert.getParserPosition(), "A statement set holds only INSERT statements");
        }
        inserts.add(converted);
      }
      return new Operation.StatementSet(inserts);
    }
    if (node instanceof SqlCreateView view) {
      return convertView(view);
    }
    if (node instanceof SqlCreateFunction create) {
      if (create.language().isPresent() && create.language().get() != SqlCreateFunction.Language.JAVA) {
        throw new ValidationException(
            create.getParserPosition(), "Only LANGUAGE JAVA functions are supported");
      }
      return new Operation.CreateFunction(create.name().toString(), create.className(), create.ifNotExists);
    }
    if (node instanceof SqlDropFunction drop) {
      return new Operation.DropFunction(drop.name().toString(), drop.ifExists());
    }
    if (node instanceof SqlDropTable drop) {
      return new Operation.DropTable(
          qualify(drop.name()), false, drop.ifExists(), drop.isTemporary());
    }
    if (node instanceof SqlDropView drop) {
      return new Operation.DropTable(qualify(drop.name()), true, drop.ifExists(), drop.isTemporary());
    }
    if (node instanceof SqlAlterTable alter) {
      return convertAlter(alter);
    }
    if (node instanceof SqlCreateCatalog create) {
      return new Operation.CreateCatalog(create.name().getSimple(), options(create.options()));
    }
    if (node instanceof SqlDropCatalog drop) {
      return new Operation.DropCatalog(drop.name().getSimple(), drop.ifExists());
    }
    if (node instanceof SqlUseCatalog use) {
      return new Operation.UseCatalog(use.name().getSimple());
    }
    if (node instanceof SqlCreateDatabase create) {
      String[] name = catalogAndDatabase(create.name());
      return new Operation.CreateDatabase(
          name[0], name[1], options(create.options()), create.commentText().orElse(null),
          create.ifNotExists);
    }
    if (node instanceof SqlDropDatabase drop) {
      String[] name = catalogAndDatabase(drop.name());
      return new Operation.DropDatabase(name[0], name[1], drop.ifExists(), drop.isCascade());
    }
    if (node instanceof SqlUseDatabase use) {
      String[] name = catalogAndDatabase(use.name());
      return new Operation.UseDatabase(name[0], name[1]);
    }
    if (node instanceof SqlStopJob stop) {
      if (stop.withDrain() && !stop.withSavepoint()) {
        // Flink would cancel without draining; Strom says so rather than ignore the words.
        throw new ValidationException(
            stop.getParserPosition(),
            "WITH DRAIN drains the job into a savepoint: write STOP JOB '" + stop.jobId()
                + "' WITH SAVEPOINT WITH DRAIN (or STOP JOB '" + stop.jobId()
                + "' to stop without draining)");
      }
      return new Operation.StopJob(stop.jobId(), stop.withSavepoint(), stop.withDrain());
    }
    if (node instanceof SqlSet set) {
      return new Operation.Set(set.key().orElse(null), set.value().orElse(null));
    }
    if (node instanceof SqlReset reset) {
      return new Operation.Reset(reset.key().orElse(null));
    }
    if (node instanceof SqlShowCurrent current) {
      return new Operation.Show(
          current.kind() == SqlShowCurrent.Kind.CATALOG
              ? Operation.ShowKind.CURRENT_CATALOG
              : Operation.ShowKind.CURRENT_DATABASE);
    }
    if (node instanceof SqlShowList show) {
      return convertShow(show);
    }
    if (node instanceof SqlDescribeTableOrView describe) {
      return new Operation.Describe(existing(describe.name()).identifier());
    }
    if (node instanceof SqlShowCreate show) {
      ResolvedTable table = existing(show.name());
      return new Operation.ShowCreate(table.identifier(), show.kind() == SqlShowCreate.Kind.VIEW);
    }
    if (node instanceof SqlStromInsert insert) {
      return convertInsert(insert);
    }
    if (node instanceof SqlStromExplain explain) {
      for (SqlStromExplain.Detail detail : explain.details()) {
        if (detail != SqlStromExplain.Detail.CHANGELOG_MODE
            && detail != SqlStromExplain.Detail.JSON_EXECUTION_PLAN) {
          throw new ValidationException(
              explain.getParserPosition(),
              "EXPLAIN " + detail + " is not supported yet; EXPLAIN takes CHANGELOG_MODE and"
                  + " JSON_EXECUTION_PLAN");
        }
      }
      return new Operation.Explain(
          convert(explain.statement()),
          explain.details().contains(SqlStromExplain.Detail.CHANGELOG_MODE),
          explain.details().contains(SqlStromExplain.Detail.JSON_EXECUTION_PLAN));
    }
    if (node.getKind().belongsTo(SqlKind.QUERY)) {
      return new Operation.Query(node);
    }
    throw new ValidationException(
        node.getParserPosition(),
        "Statements of kind " + node.getKind() + " cannot be run yet: this version of Strom runs"
            + " queries, INSERT, EXPLAIN, DDL (tables, catalogs, databases), SET, RESET, SHOW and"
            + " DESCRIBE.");
  }

  private Operation convertInsert(SqlStromInsert insert) {
    SqlIdentifier target = (SqlIdentifier) insert.getTargetTable();
    ResolvedTable table = existing(target);
    if (!(table.table() instanceof CatalogTable)) {
      throw new ValidationException(
          target.getParserPosition(), "Cannot insert into view '" + table.identifier() + "'");
    }
    CatalogTable catalogTable = (CatalogTable) table.table();
    RowType sinkType = catalogTable.schema().persistedRowType();
    org.apache.calcite.sql.SqlNode source = insert.getSource();
    Map<String, String> staticPartition = Map.of();
    if (insert.staticPartition() != null && insert.staticPartition().size() > 0) {
      staticPartition = StaticPartition.values(
          insert.staticPartition(), catalogTable.partitionKeys(), table.identifier().toString());
      source = StaticPartition.expand(insert.staticPartition(), insert.getTargetColumnList(),
          sinkType, source, table.identifier().toString());
    } else if (insert.getTargetColumnList() != null && insert.getTargetColumnList().size() > 0) {
      source = InsertColumnList.expand(
          insert.getTargetColumnList(), sinkType, source, table.identifier().toString());
    }
    return new Operation.Insert(table.identifier(), source, insert.isOverwrite(), staticPartition);
  }

  private Operation convertCreateTableAs(SqlCreateTable create) {
    if (!create.columns().isEmpty() || create.watermark().isPresent() || create.like().isPresent()
        || create.primaryKey().isPresent()) {
      throw new ValidationException(
          create.getParserPosition(),
          "CREATE TABLE ... AS SELECT takes its columns from the query; columns, a watermark, a"
              + " primary key or LIKE in it are not supported yet");
    }
    ObjectIdentifier id = qualify(create.name());
    if (catalogs.resolve(create.name().names).isPresent() && !create.ifNotExists) {
      throw new ValidationException(
          create.name().getParserPosition(), "Table or view '" + id + "' already exists");
    }
    return new Operation.CreateTableAs(
        id, options(create.options()), create.query(), create.isTemporary(), create.ifNotExists);
  }

  private Operation convertView(SqlCreateView view) {
    ObjectIdentifier id = qualify(view.name());
    String original = StromSqlParser.toSql(view.query());
    PlannerContext context = new PlannerContext(catalogs, types, functions.operatorTable());
    SqlNode validated = context.validate(view.query());
    RelDataType rowType = context.validatedType(validated);
    List<String> names = rowType.getFieldNames();
    SqlNodeList declared = view.columnNames();
    if (declared != null && declared.size() > 0) {
      if (declared.size() != names.size()) {
        throw new ValidationException(
            declared.getParserPosition(),
            "The view lists " + declared.size() + " column names but its query has "
                + names.size() + " columns");
      }
      names = new ArrayList<>();
      for (SqlNode n : declared) {
        names.add(((SqlIdentifier) n).getSimple());
      }
    }
    List<Column> columns = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      columns.add(
          new Column.Physical(
              names.get(i), types.toLogicalType(rowType.getFieldList().get(i).getType()), null));
    }
    CatalogView catalogView =
        new CatalogView(
            TableSchema.of(columns),
            original,
            StromSqlParser.toSql(validated),
            view.commentText().orElse(null));
    return new Operation.CreateTable(id, catalogView, view.ifNotExists, view.isTemporary());
  }

  private Operation convertShow(SqlShowList show) {
    return switch (show.kind()) {
      case CATALOGS -> showNames(Operation.ShowKind.CATALOGS, show);
      case DATABASES -> showNames(Operation.ShowKind.DATABASES, show);
      case TABLES -> showNames(Operation.ShowKind.TABLES, show);
      case VIEWS -> showNames(Operation.ShowKind.VIEWS, show);
      case FUNCTIONS -> showNames(Operation.ShowKind.FUNCTIONS, show);
      case USER_FUNCTIONS -> showNames(Operation.ShowKind.USER_FUNCTIONS, show);
      case JOBS -> new Operation.Show(Operation.ShowKind.JOBS);
      case COLUMNS ->
          new Operation.Describe(
              existing(
                      show.scope()
                          .orElseThrow(
                              () ->
                                  new ValidationException(
                                      show.getParserPosition(), "SHOW COLUMNS needs FROM <table>")))
                  .identifier());
      default ->
          throw new ValidationException(
              show.getParserPosition(), "SHOW " + show.kind() + " is not supported yet");
    };
  }

  /**
   * A SHOW that lists names, in the scope after {@code FROM|IN}: a catalog for DATABASES, a {@code
   * [catalog.]database} for the others; whether it exists is checked when the SHOW runs.
   */
  private Operation showNames(Operation.ShowKind kind, SqlShowList show) {
    String catalog = null;
    String database = null;
    SqlIdentifier scopeName = show.scope().orElse(null);
    if (scopeName != null) {
      List<String> scope = scopeName.names;
      if (kind == Operation.ShowKind.DATABASES) {
        if (scope.size() != 1) {
          throw new ValidationException(
              show.getParserPosition(),
              "SHOW DATABASES FROM takes a catalog name, not '" + String.join(".", scope) + "'");
        }
        catalog = scope.get(0);
      } else {
        if (scope.size() > 2) {
          throw new ValidationException(
              show.getParserPosition(),
              "SHOW " + kind.name().replace('_', ' ') + " FROM takes [catalog_name.]database_name,"
                  + " not '" + String.join(".", scope) + "'");
        }
        catalog = scope.size() == 2 ? scope.get(0) : catalogs.currentCatalog();
        database = scope.get(scope.size() - 1);
      }
    }
    return new Operation.Show(
        kind, catalog, database, show.pattern().orElse(null), show.isNotLike());
  }

  private Operation convertAlter(SqlAlterTable alter) {
    ResolvedTable table = existing(alter.name());
    if (alter instanceof SqlAlterTableRename rename) {
      return new Operation.RenameTable(table.identifier(), rename.newName().getSimple());
    }
    if (!(table.table() instanceof CatalogTable catalogTable)) {
      throw new ValidationException(
          alter.getParserPosition(), "'" + table.identifier() + "' is a view; only tables have options");
    }
    Map<String, String> options = new LinkedHashMap<>(catalogTable.options());
    if (alter instanceof SqlAlterTableOptions set) {
      options.putAll(options(set.options()));
    } else if (alter instanceof SqlAlterTableReset reset) {
      for (String key : reset.keys()) {
        if (key.equals("connector")) {
          throw new ValidationException(
              alter.getParserPosition(), "The 'connector' option of a table cannot be reset");
        }
        options.remove(key);
      }
    }
    return new Operation.AlterTableOptions(table.identifier(), options);
  }

  private ObjectIdentifier qualify(SqlIdentifier name) {
    try {
      return catalogs.qualify(name.names);
    } catch (io.strom.planner.catalog.CatalogException e) {
      throw new ValidationException(name.getParserPosition(), e.getMessage());
    }
  }

  private ResolvedTable existing(SqlIdentifier name) {
    qualify(name);
    return catalogs
        .resolve(name.names)
        .orElseThrow(
            () ->
                new ValidationException(
                    name.getParserPosition(),
                    "Table or view '" + qualify(name) + "' does not exist"));
  }

  private String[] catalogAndDatabase(SqlIdentifier name) {
    List<String> parts = name.names;
    if (parts.size() == 1) {
      return new String[] {catalogs.currentCatalog(), parts.get(0)};
    }
    if (parts.size() == 2) {
      return new String[] {parts.get(0), parts.get(1)};
    }
    throw new ValidationException(
        name.getParserPosition(), "'" + name + "' is not a valid database name: use [catalog.]database");
  }

  /** The options of a {@code WITH (...)} clause, in order. */
  public static Map<String, String> options(SqlNodeList list) {
    Map<String, String> options = new LinkedHashMap<>();
    if (list != null) {
      for (SqlNode node : list) {
        SqlKeyValue kv = (SqlKeyValue) node;
        if (options.put(kv.keyString(), kv.valueString()) != null) {
          throw new ValidationException(
              kv.getParserPosition(), "Option '" + kv.keyString() + "' is given twice");
        }
      }
    }
    return options;
  }
}
