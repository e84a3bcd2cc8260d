package io.strom.planner.calcite;

import io.strom.api.functions.TableFunction;
import io.strom.util.Suggestions;
import io.strom.codegen.types.StromRexBuilder;
import io.strom.planner.ValidationException;
import io.strom.planner.catalog.CatalogManager;
import io.strom.planner.catalog.CatalogTable;
import io.strom.planner.catalog.ResolvedTable;
import io.strom.sql.parser.StromSqlConformance;
import io.strom.sql.parser.StromSqlParser;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.schema.Table;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.util.SqlShuttle;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.validate.SqlNameMatchers;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.apache.calcite.sql2rel.StandardConvertletTable;

/**
 * Calcite set up for one statement of a session: the session's catalogs as schemas, Strom's types
 * and functions, the validator and the converter to relational algebra. Names resolve against the
 * current database, then the current catalog, then the root (so {@code t}, {@code db.t} and
 * {@code cat.db.t} all work), case-sensitively as in Flink.
 */
public final class PlannerContext {
  private final CatalogManager catalogs;
  private final PlannerTypes types;
  private final SqlValidator validator;
  private final SqlToRelConverter sqlToRel;
  private final RelOptCluster cluster;
  private final CalciteCatalogReader reader;

  public PlannerContext(CatalogManager catalogs, PlannerTypes types, SqlOperatorTable operators) {
    this.catalogs = catalogs;
    this.types = types;
    CalciteSchema root =
        CalciteSchema.createRootSchema(false, false, "", new CatalogsSchema(catalogs, this::table));
    Properties properties = new Properties();
    properties.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "true");
    this.reader =
        new StromCatalogReader(
            root,
            List.of(
                List.of(catalogs.currentCatalog(), catalogs.currentDatabase()),
                List.of(catalogs.currentCatalog()),
                List.of()),
            types,
            new CalciteConnectionConfigImpl(properties));
    this.validator = new StromSqlValidator(operators, reader, types.factory(), validatorConfig());
    HepPlanner planner = new HepPlanner(HepProgram.builder().build());
    // The relational builder simplifies casts of literals as it converts, with the planner's
    // executor, or Calcite's own without one, whose rules differ from Flink's (a string cast to
    // BYTES would take its UTF-16 bytes). Nothing is evaluated here: constant reduction does it
    // later with the generated code, so constants get Flink's values.
    planner.setExecutor((rex, constants, reduced) -> reduced.addAll(constants));
    this.cluster = RelOptCluster.create(planner, new StromRexBuilder(types.factory()));
    this.sqlToRel =
        new StromSqlToRelConverter(
            this::expandView,
            validator,
            reader,
            cluster,
            StandardConvertletTable.INSTANCE,
            converterConfig());
  }

  /**
   * Fields nothing reads stay (projection pruning drops them later), subqueries stay as they are
   * for the rewrite step, and the builder keeps a non-deterministic expression computed once.
   */
  private static SqlToRelConverter.Config converterConfig() {
    return SqlToRelConverter.config()
        .withTrimUnusedFields(false)
        .withExpand(false)
        .withRelBuilderFactory(StromRelBuilder.FACTORY);
  }

  /**
   * Flink's validation: its conformance, names expanded (views store fully qualified queries), no
   * implicit type coercion, so types follow Flink's rules rather than Calcite's, and its order of
   * NULLs.
   */
  private static SqlValidator.Config validatorConfig() {
    return SqlValidator.Config.DEFAULT
        .withConformance(StromSqlConformance.INSTANCE)
        .withIdentifierExpansion(true)
        .withTypeCoercionEnabled(false)
        .withTypeCoercionRules(FlinkCastRules.INSTANCE)
        // Flink sorts NULLs as the smallest values: first when ascending, last when descending.
        .withDefaultNullCollation(org.apache.calcite.config.NullCollation.LOW);
  }

  public PlannerTypes types() {
    return types;
  }

  public RelOptCluster cluster() {
    return cluster;
  }

  private Table table(ResolvedTable resolved) {
    if (resolved.table() instanceof CatalogTable) {
      return new CatalogSourceTable(resolved, this);
    }
    return new ViewTable(resolved, this);
  }

  /** Validates a query (or DML) and turns it into a logical plan. */
  public RelRoot toRel(SqlNode query) {
    SqlNode validated = validate(query);
    try {
      return sqlToRel.convertQuery(validated, false, true);
    } catch (AssertionError e) {
      // Calcite checks that a view's query still gives the types the view was created with.
      throw new ValidationException(
          "A view this query uses cannot be used: the tables under it changed since it was"
              + " created. Recreate the view. (" + e.getMessage().lines().findFirst().orElse("") + ")");
    }
  }

  public SqlNode validate(SqlNode node) {
    try {
      WindowSyntaxRewriter.rewrite(node);
      return validator.validate(node);
    } catch (IllegalArgumentException e) {
      Matcher m = NOT_A_TABLE_FUNCTION.matcher(String.valueOf(e.getMessage()));
      if (m.matches()) {
        // Calcite reports a scalar function in LATERAL TABLE(...) without a position.
        throw new ValidationException("Function '" + m.group(1) + "' is a scalar function, but"
            + " LATERAL TABLE(...) needs a table function: a class extending "
            + TableFunction.class.getName() + " that emits rows with collect(...)");
      }
      throw e;
    } catch (CalciteContextException e) {
      throw new ValidationException(
          new SqlParserPos(e.getPosLine(), e.getPosColumn()),
          withSuggestion(e.getCause().getMessage(), columnsOfTablesIn(node)));
    }
  }

  private static final Pattern NOT_A_TABLE_FUNCTION =
      Pattern.compile("Argument must be a table function: (.+)");

  private static final Pattern UNKNOWN_COLUMN =
      Pattern.compile("(?:Column|Unknown identifier) '([^']+)'.*");

  /** Adds "Did you mean ...?" to an unknown-column message when a known column is close. */
  private static String withSuggestion(String message, Set<String> columns) {
    Matcher m = UNKNOWN_COLUMN.matcher(message);
    if (!m.matches()) {
      return message;
    }
    return Suggestions.closest(m.group(1), columns)
        .map(c -> message + ". Did you mean '" + c + "'?")
        .orElse(message);
  }

  /** The columns of every catalog table a statement names, for suggestions. */
  private Set<String> columnsOfTablesIn(SqlNode node) {
    Set<String> columns = new TreeSet<>();
    node.accept(
        new SqlShuttle() {
          @Override
          public SqlNode visit(SqlIdentifier id) {
            catalogs
                .resolve(id.names)
                .ifPresent(t -> columns.addAll(t.table().schema().columnNames()));
            return id;
          }
        });
    return columns;
  }

  /** The row type of a query this context validated. */
  public RelDataType validatedType(SqlNode validated) {
    return validator.getValidatedNodeType(validated);
  }

  /** The type of a SQL expression over the fields of {@code inputType}. */
  public RelDataType typeOf(String expression, RelDataType inputType) {
    return toRex(expression, inputType).getType();
  }

  /** A SQL expression over the fields of {@code inputType}, as an expression of the plan. */
  public RexNode toRex(String expression, RelDataType inputType) {
    SqlNode node;
    try {
      node = SqlParser.create(expression, StromSqlParser.config()).parseExpression();
    } catch (SqlParseException e) {
      throw new ValidationException("Invalid expression '" + expression + "': " + e.getMessage());
    }
    Map<String, RelDataType> nameToType = new HashMap<>();
    Map<String, RexNode> nameToNode = new HashMap<>();
    RexBuilder rex = cluster.getRexBuilder();
    for (RelDataTypeField field : inputType.getFieldList()) {
      nameToType.put(field.getName(), field.getType());
      nameToNode.put(field.getName(), rex.makeInputRef(field.getType(), field.getIndex()));
    }
    SqlNode validated;
    try {
      validated = validator.validateParameterizedExpression(node, nameToType);
    } catch (CalciteContextException e) {
      throw new ValidationException(
          "Invalid expression '" + expression + "': "
              + withSuggestion(e.getCause().getMessage(), nameToType.keySet()));
    }
    return sqlToRel.convertExpression(validated, nameToNode);
  }

  /**
   * Plans a view's query where the view is used: parsed and validated on its own (its names are
   * fully qualified) and converted into this statement's cluster.
   */
  private RelRoot expandView(
      RelDataType rowType, String queryString, List<String> schemaPath, List<String> viewPath) {
    SqlNode query = new StromSqlParser().parseStatement(queryString);
    SqlValidator viewValidator =
        new StromSqlValidator(validator.getOperatorTable(), reader, types.factory(), validatorConfig());
    SqlToRelConverter converter =
        new StromSqlToRelConverter(
            this::expandView,
            viewValidator,
            reader,
            cluster,
            StandardConvertletTable.INSTANCE,
            converterConfig());
    return converter.convertQuery(viewValidator.validate(query), false, true);
  }

  /** Calcite's catalog reader with several default schema paths and case-sensitive names. */
  private static final class StromCatalogReader extends CalciteCatalogReader {
    StromCatalogReader(
        CalciteSchema root,
        List<List<String>> paths,
        PlannerTypes types,
        CalciteConnectionConfigImpl config) {
      super(root, SqlNameMatchers.withCaseSensitive(true), paths, types.factory(), config);
    }
  }
}
