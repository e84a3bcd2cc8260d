package io.strom.codegen.testing;

import io.strom.codegen.functions.StromOperatorTable;
import io.strom.codegen.types.StromTypeFactory;
import io.strom.codegen.types.TypeConversions;
import io.strom.types.RowType;
import java.util.List;
import java.util.Properties;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.Lex;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexProgramBuilder;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorUtil;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.apache.calcite.sql2rel.StandardConvertletTable;

/**
 * Test helper that turns {@code SELECT ... FROM T [WHERE ...]} over one table into a {@link
 * RexProgram}, the way the planner does: Calcite's parser (Flink's lexical rules), validation with
 * Strom's type factory and operator table and without implicit type coercion, then SqlToRel.
 */
public final class SqlToRex {
  private final StromTypeFactory typeFactory = new StromTypeFactory();
  private final RowType inputType;
  private final SqlOperatorTable operatorTable;
  private final CalciteCatalogReader catalogReader;

  public SqlToRex(RowType inputType, SqlOperatorTable operatorTable) {
    this.inputType = inputType;
    this.operatorTable = operatorTable;
    CalciteSchema root = CalciteSchema.createRootSchema(false, false);
    root.add("T", new AbstractTable() {
      @Override
      public RelDataType getRowType(RelDataTypeFactory factory) {
        return TypeConversions.toRelRowType(factory, inputType);
      }
    });
    root.add("STRING", f -> f.createSqlType(SqlTypeName.VARCHAR, Integer.MAX_VALUE));
    root.add("BYTES", f -> f.createSqlType(SqlTypeName.VARBINARY, Integer.MAX_VALUE));
    Properties props = new Properties();
    props.setProperty("caseSensitive", "true");
    this.catalogReader = new CalciteCatalogReader(
        root, List.of(), typeFactory, new CalciteConnectionConfigImpl(props));
  }

  public SqlToRex(RowType inputType) {
    this(inputType, StromOperatorTable.create());
  }

  public StromTypeFactory typeFactory() {
    return typeFactory;
  }

  public RowType inputType() {
    return inputType;
  }

  /** The program of {@code select} (SELECT list and optional WHERE over table T). */
  public RexProgram program(String select) {
    SqlNode parsed;
    try {
      parsed = SqlParser.create(select, SqlParser.config()
              .withLex(Lex.JAVA)
              .withConformance(SqlConformanceEnum.LENIENT))
          .parseQuery();
    } catch (SqlParseException e) {
      throw new IllegalArgumentException("Cannot parse: " + e.getMessage(), e);
    }
    SqlValidator validator = SqlValidatorUtil.newValidator(
        operatorTable, catalogReader, typeFactory,
        SqlValidator.Config.DEFAULT
            .withIdentifierExpansion(true)
            .withTypeCoercionEnabled(false)
            .withConformance(SqlConformanceEnum.LENIENT));
    SqlNode validated = validator.validate(parsed);
    RexBuilder rexBuilder = new io.strom.codegen.types.StromRexBuilder(typeFactory);
    HepPlanner planner = new HepPlanner(HepProgram.builder().build());
    // As in the planner: Calcite's own executor would fold casts of literals by its rules, not
    // Flink's (a string cast to BYTES would take its UTF-16 bytes), so nothing is folded here.
    planner.setExecutor((rex, constants, reduced) -> reduced.addAll(constants));
    RelOptCluster cluster = RelOptCluster.create(planner, rexBuilder);
    SqlToRelConverter converter = new SqlToRelConverter(
        null, validator, catalogReader, cluster, StandardConvertletTable.INSTANCE,
        SqlToRelConverter.config().withExpand(false));
    RelNode rel = converter.convertQuery(validated, false, true).rel;
    return toProgram(rel, rexBuilder);
  }

  private static RexProgram toProgram(RelNode rel, RexBuilder rexBuilder) {
    if (!(rel instanceof LogicalProject project)) {
      throw new IllegalArgumentException("Expected a projection, got\n" + rel.explain());
    }
    RelNode input = project.getInput();
    RexNode condition = null;
    if (input instanceof LogicalFilter filter) {
      condition = filter.getCondition();
      input = filter.getInput();
    }
    RexProgramBuilder builder = new RexProgramBuilder(input.getRowType(), rexBuilder);
    if (condition != null) {
      builder.addCondition(condition);
    }
    List<RexNode> projects = project.getProjects();
    for (int i = 0; i < projects.size(); i++) {
      builder.addProject(projects.get(i), project.getRowType().getFieldNames().get(i));
    }
    return builder.getProgram();
  }
}
